package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import io.github.eventcontracts.tooling.compat.json.Schema.Bound;
import io.github.eventcontracts.tooling.compat.json.Schema.NumberRules;
import java.math.BigDecimal;

/**
 * Compares the keywords of numbers: {@code minimum}, {@code maximum}, {@code exclusiveMinimum},
 * {@code exclusiveMaximum} (numeric, as from draft-06 on) and {@code multipleOf}. A new {@code multipleOf}
 * that is a multiple of the old one expands it (fewer values pass); one that divides the old one reduces
 * it (more values pass); any other new value changes it.
 */
final class NumberDiff {
  private NumberDiff() {}

  static void compare(Context ctx, NumberRules o, NumberRules u) {
    SchemaDiff.bound(ctx, o.maximum(), u.maximum(), MAXIMUM_ADDED, MAXIMUM_REMOVED, MAXIMUM_INCREASED, MAXIMUM_DECREASED);
    SchemaDiff.bound(ctx, o.minimum(), u.minimum(), MINIMUM_ADDED, MINIMUM_REMOVED, MINIMUM_INCREASED, MINIMUM_DECREASED);
    SchemaDiff.bound(ctx, o.exclusiveMaximum(), u.exclusiveMaximum(), EXCLUSIVE_MAXIMUM_ADDED,
        EXCLUSIVE_MAXIMUM_REMOVED, EXCLUSIVE_MAXIMUM_INCREASED, EXCLUSIVE_MAXIMUM_DECREASED);
    SchemaDiff.bound(ctx, o.exclusiveMinimum(), u.exclusiveMinimum(), EXCLUSIVE_MINIMUM_ADDED,
        EXCLUSIVE_MINIMUM_REMOVED, EXCLUSIVE_MINIMUM_INCREASED, EXCLUSIVE_MINIMUM_DECREASED);
    multipleOf(ctx, o.multipleOf(), u.multipleOf());
  }

  private static void multipleOf(Context ctx, Bound o, Bound u) {
    if (o == null && u == null) {
      return;
    }
    if (o == null) {
      ctx.add(MULTIPLE_OF_ADDED, null, u.pointer(), null, SchemaDiff.number(u));
    } else if (u == null) {
      ctx.add(MULTIPLE_OF_REMOVED, o.pointer(), null, SchemaDiff.number(o), null);
    } else if (o.value().compareTo(u.value()) != 0) {
      Difference.Type type = dividesExactly(u.value(), o.value()) ? MULTIPLE_OF_EXPANDED
          : dividesExactly(o.value(), u.value()) ? MULTIPLE_OF_REDUCED : MULTIPLE_OF_CHANGED;
      ctx.add(type, o.pointer(), u.pointer(), SchemaDiff.number(o), SchemaDiff.number(u));
    }
  }

  /** Whether {@code dividend} is a whole multiple of {@code divisor}. */
  private static boolean dividesExactly(BigDecimal dividend, BigDecimal divisor) {
    return dividend.remainder(divisor).signum() == 0;
  }
}
