package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import com.fasterxml.jackson.databind.node.DecimalNode;
import io.github.eventcontracts.tooling.compat.json.Schema.ArrayRules;
import io.github.eventcontracts.tooling.compat.json.Schema.Bound;
import io.github.eventcontracts.tooling.compat.json.Schema.Item;
import java.math.BigDecimal;
import java.util.List;

/**
 * Compares the keywords of arrays. A list ({@code items} as one schema) compares its item schemas; a
 * tuple (draft-07/2019-09 {@code items} as an array, 2020-12 {@code prefixItems}) compares position by
 * position, and positions only one side has are judged by the content model of the items after the tuple
 * ({@code additionalItems}, or 2020-12 {@code items} beside {@code prefixItems}): open when absent or
 * {@code true}, closed when {@code false}, partially open when a schema. From 2019-09 on, an absent
 * {@code additionalItems} leaves that to {@code unevaluatedItems}, as in Confluent's newer checker
 * ({@code unevaluatedItems} itself is compared by {@link SchemaDiff}, for the whole schema object). Turning a
 * list into a tuple or back therefore shows as the list schema removed or added plus positions added or
 * removed. {@code minContains}/{@code maxContains} are bounds like {@code minItems}/{@code maxItems};
 * {@code contains} itself is not modelled (see {@link Vocabulary}).
 */
final class ArrayDiff {
  private ArrayDiff() {}

  static void compare(Context ctx, ArrayRules o, ArrayRules u) {
    items(ctx.at("[]"), o, u);
    tuple(ctx, o, u);
    SchemaDiff.openness(ctx.at("additionalItems"), o.rest(), o.restPointer(), u.rest(), u.restPointer(),
        ADDITIONAL_ITEMS_ADDED, ADDITIONAL_ITEMS_REMOVED, ADDITIONAL_ITEMS_EXTENDED, ADDITIONAL_ITEMS_NARROWED);
    SchemaDiff.bound(ctx, o.maxItems(), u.maxItems(),
        MAX_ITEMS_ADDED, MAX_ITEMS_REMOVED, MAX_ITEMS_INCREASED, MAX_ITEMS_DECREASED);
    SchemaDiff.bound(ctx, o.minItems(), u.minItems(),
        MIN_ITEMS_ADDED, MIN_ITEMS_REMOVED, MIN_ITEMS_INCREASED, MIN_ITEMS_DECREASED);
    SchemaDiff.bound(ctx, o.maxContains(), u.maxContains(),
        MAX_CONTAINS_ADDED, MAX_CONTAINS_REMOVED, MAX_CONTAINS_INCREASED, MAX_CONTAINS_DECREASED);
    minContains(ctx, o.minContains(), u.minContains());
    if (o.uniqueItems() != null && u.uniqueItems() == null) {
      ctx.add(UNIQUE_ITEMS_REMOVED, o.uniqueItems(), null, null, null);
    } else if (o.uniqueItems() == null && u.uniqueItems() != null) {
      ctx.add(UNIQUE_ITEMS_ADDED, null, u.uniqueItems(), null, null);
    }
  }

  private static void items(Context c, ArrayRules o, ArrayRules u) {
    if (o.items() == null && u.items() != null) {
      c.add(SCHEMA_ADDED, null, u.itemsPointer(), null, SchemaDiff.describe(u.items()));
    } else if (o.items() != null && u.items() == null) {
      c.add(SCHEMA_REMOVED, o.itemsPointer(), null, SchemaDiff.describe(o.items()), null);
    } else {
      SchemaDiff.compare(c, o.items(), u.items());
    }
  }

  private static void tuple(Context ctx, ArrayRules o, ArrayRules u) {
    List<Item> a = o.prefix() == null ? List.of() : o.prefix();
    List<Item> b = u.prefix() == null ? List.of() : u.prefix();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      Context c = ctx.at("[" + i + "]");
      if (i < a.size() && i < b.size()) {
        SchemaDiff.compare(c, a.get(i).schema(), b.get(i).schema());
      } else if (i < a.size()) {
        removed(c, a.get(i), u);
      } else {
        added(c, b.get(i), o);
      }
    }
  }

  /** A position only the original's tuple has: the update reads it as one of its rest items. */
  private static void removed(Context c, Item a, ArrayRules u) {
    if (isOpen(u)) {
      c.add(ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL, a.pointer(), null, null, null);
    } else if (!rest(u).acceptsNothing()) {
      Context t = c.trial();
      SchemaDiff.compare(t, a.schema(), rest(u));
      c.addAll(t);
      c.add(t.isCompatible() ? ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
          : ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, a.pointer(), null, null, null);
    } else {
      c.add(a.schema().acceptsNothing() ? ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL
          : ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL, a.pointer(), null, null, null);
    }
  }

  /** A position only the update's tuple has: the original wrote it as one of its rest items. */
  private static void added(Context c, Item b, ArrayRules o) {
    if (isOpen(o)) {
      c.add(b.schema().acceptsAnything() ? ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
          : ITEM_ADDED_TO_OPEN_CONTENT_MODEL, null, b.pointer(), null, null);
    } else if (!rest(o).acceptsNothing()) {
      Context t = c.trial();
      SchemaDiff.compare(t, rest(o), b.schema());
      c.addAll(t);
      c.add(t.isCompatible() ? ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
          : ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, null, b.pointer(), null, null);
    } else {
      c.add(ITEM_ADDED_TO_CLOSED_CONTENT_MODEL, null, b.pointer(), null, null);
    }
  }

  /**
   * {@code minContains} counts from its default of 1: removing a {@code minContains} of 0 raises it to 1, so it
   * is reported as increased rather than removed (which would be compatible). Adding one is reported as added
   * whatever its value, as Confluent does.
   */
  private static void minContains(Context ctx, Bound o, Bound u) {
    if (o != null && u == null && o.value().compareTo(BigDecimal.ONE) < 0) {
      ctx.add(MIN_CONTAINS_INCREASED, o.pointer(), null, SchemaDiff.number(o), DecimalNode.valueOf(BigDecimal.ONE));
      return;
    }
    SchemaDiff.bound(ctx, o, u, MIN_CONTAINS_ADDED, MIN_CONTAINS_REMOVED, MIN_CONTAINS_INCREASED,
        MIN_CONTAINS_DECREASED);
  }

  /** What items after the tuple must match: {@code additionalItems} (or 2020-12 {@code items}), else
   *  {@code unevaluatedItems}, else null (anything). */
  private static Schema rest(ArrayRules r) {
    return r.rest() != null ? r.rest() : r.unevaluated();
  }

  private static boolean isOpen(ArrayRules r) {
    return rest(r) == null || rest(r).acceptsAnything();
  }
}
