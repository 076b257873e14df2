package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import io.github.eventcontracts.tooling.compat.json.Schema.ArrayRules;
import io.github.eventcontracts.tooling.compat.json.Schema.Item;
import java.util.List;

/**
 * Compares the keywords of arrays. A list ({@code items} as one schema) compares its item schemas; a
 * tuple (draft-07/2019-09 {@code items} as an array, 2020-12 {@code prefixItems}) compares position by
 * position, and positions only one side has are judged by the content model of the items after the tuple
 * ({@code additionalItems}, or 2020-12 {@code items} beside {@code prefixItems}): open when absent or
 * {@code true}, closed when {@code false}, partially open when a schema. Turning a list into a tuple or
 * back therefore shows as the list schema removed or added plus positions added or removed.
 */
final class ArrayDiff {
  private ArrayDiff() {}

  static void compare(Context ctx, ArrayRules o, ArrayRules u) {
    items(ctx.at("[]"), o, u);
    tuple(ctx, o, u);
    rest(ctx.at("additionalItems"), o, u);
    SchemaDiff.bound(ctx, o.maxItems(), u.maxItems(),
        MAX_ITEMS_ADDED, MAX_ITEMS_REMOVED, MAX_ITEMS_INCREASED, MAX_ITEMS_DECREASED);
    SchemaDiff.bound(ctx, o.minItems(), u.minItems(),
        MIN_ITEMS_ADDED, MIN_ITEMS_REMOVED, MIN_ITEMS_INCREASED, MIN_ITEMS_DECREASED);
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
    } else if (!u.rest().acceptsNothing()) {
      Context t = c.trial();
      SchemaDiff.compare(t, a.schema(), u.rest());
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
    } else if (!o.rest().acceptsNothing()) {
      Context t = c.trial();
      SchemaDiff.compare(t, o.rest(), b.schema());
      c.addAll(t);
      c.add(t.isCompatible() ? ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
          : ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, null, b.pointer(), null, null);
    } else {
      c.add(ITEM_ADDED_TO_CLOSED_CONTENT_MODEL, null, b.pointer(), null, null);
    }
  }

  private static boolean isOpen(ArrayRules r) {
    return r.rest() == null || r.rest().acceptsAnything();
  }

  private static void rest(Context c, ArrayRules o, ArrayRules u) {
    Schema a = o.rest();
    Schema b = u.rest();
    boolean permitsA = a == null || !a.acceptsNothing();
    boolean permitsB = b == null || !b.acceptsNothing();
    if (permitsA != permitsB) {
      c.add(permitsA ? ADDITIONAL_ITEMS_REMOVED : ADDITIONAL_ITEMS_ADDED, o.restPointer(), u.restPointer(), null, null);
      return;
    }
    boolean constrainsA = a != null && !a.acceptsAnything() && !a.acceptsNothing();
    boolean constrainsB = b != null && !b.acceptsAnything() && !b.acceptsNothing();
    if (!constrainsA && constrainsB) {
      c.add(ADDITIONAL_ITEMS_NARROWED, o.restPointer(), u.restPointer(), null, null);
    } else if (constrainsA && !constrainsB) {
      c.add(ADDITIONAL_ITEMS_EXTENDED, o.restPointer(), u.restPointer(), null, null);
    } else if (constrainsA) {
      SchemaDiff.compare(c, a, b);
    }
  }
}
