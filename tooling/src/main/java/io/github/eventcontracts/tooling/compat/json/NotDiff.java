package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import io.github.eventcontracts.tooling.compat.json.Schema.NotPart;

/**
 * Compares {@code not}. Excluding fewer values is compatible and excluding more is not, so the negated
 * schemas are compared the other way round: when the update's negated schema, as the writer, is
 * compatible with the original's, as the reader, every value the update excludes was excluded before
 * ({@link Difference.Type#NOT_TYPE_NARROWED}); otherwise the update excludes values the original allowed
 * ({@link Difference.Type#NOT_TYPE_EXTENDED}). An unchanged {@code not} records nothing.
 */
final class NotDiff {
  private NotDiff() {}

  static void compare(Context ctx, NotPart o, NotPart u) {
    Context c = ctx.at("not");
    Context reversed = c.trial();
    SchemaDiff.compare(reversed, u.negated(), o.negated());
    if (!reversed.differences().isEmpty()) {
      c.add(reversed.isCompatible() ? NOT_TYPE_NARROWED : NOT_TYPE_EXTENDED, o.pointer(), u.pointer(),
          SchemaDiff.describe(o.negated()), SchemaDiff.describe(u.negated()));
    }
  }
}
