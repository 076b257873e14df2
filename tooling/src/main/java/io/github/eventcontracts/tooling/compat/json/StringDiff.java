package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.eventcontracts.tooling.compat.json.Schema.StringRules;
import io.github.eventcontracts.tooling.compat.json.Schema.Text;

/** Compares the keywords of strings: {@code minLength}, {@code maxLength} and {@code pattern}. */
final class StringDiff {
  private StringDiff() {}

  static void compare(Context ctx, StringRules o, StringRules u) {
    SchemaDiff.bound(ctx, o.maxLength(), u.maxLength(),
        MAX_LENGTH_ADDED, MAX_LENGTH_REMOVED, MAX_LENGTH_INCREASED, MAX_LENGTH_DECREASED);
    SchemaDiff.bound(ctx, o.minLength(), u.minLength(),
        MIN_LENGTH_ADDED, MIN_LENGTH_REMOVED, MIN_LENGTH_INCREASED, MIN_LENGTH_DECREASED);
    Text a = o.pattern();
    Text b = u.pattern();
    if (a == null && b != null) {
      ctx.add(PATTERN_ADDED, null, b.pointer(), null, TextNode.valueOf(b.value()));
    } else if (a != null && b == null) {
      ctx.add(PATTERN_REMOVED, a.pointer(), null, TextNode.valueOf(a.value()), null);
    } else if (a != null && !a.value().equals(b.value())) {
      ctx.add(PATTERN_CHANGED, a.pointer(), b.pointer(), TextNode.valueOf(a.value()), TextNode.valueOf(b.value()));
    }
  }
}
