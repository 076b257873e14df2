package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.eventcontracts.tooling.compat.json.Schema.CombinedPart;
import io.github.eventcontracts.tooling.compat.json.Schema.Meta;
import io.github.eventcontracts.tooling.compat.json.Schema.NotPart;
import io.github.eventcontracts.tooling.compat.json.Schema.Part;
import io.github.eventcontracts.tooling.compat.json.Schema.PartKind;
import io.github.eventcontracts.tooling.compat.json.Schema.RefPart;
import io.github.eventcontracts.tooling.compat.json.Schema.TypePart;
import io.github.eventcontracts.tooling.compat.json.Schema.ValuesPart;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares an original (writer's) schema with an update (reader's) schema, Confluent's
 * {@code SchemaDiff.compare(original, update)}: the entry point every other comparison recurses through.
 *
 * <p>In order: a schema moved into or out of an {@code anyOf}/{@code oneOf}/{@code allOf} is matched
 * against the branches; {@code false} in the original and {@code true}/{@code {}} in the update are
 * always fine; then the annotations are compared and the keyword groups of the two schema objects are
 * compared group by group (type with its keywords, enum/const, not, allOf, anyOf, oneOf, $ref). A group
 * only the original has was dropped ({@link Difference.Type#PRODUCT_TYPE_NARROWED}); one only the update
 * has was added ({@link Difference.Type#PRODUCT_TYPE_EXTENDED}).
 */
final class SchemaDiff {
  /** How messages name a schema that accepts anything, and one that accepts nothing. */
  static final String ANYTHING = "any value";
  static final String NOTHING = "no value (false)";

  private SchemaDiff() {}

  /** Every difference between the two schemas, under {@code policy} (which decides branch matching). */
  static List<Difference> compare(JsonCompatPolicy policy, Schema original, Schema update) {
    Context ctx = new Context(policy);
    compare(ctx, original, update);
    return List.copyOf(ctx.differences());
  }

  /** Records at {@code ctx} every difference between two schemas; either may be absent (null). */
  static void compare(Context ctx, Schema original, Schema update) {
    if (original == null && update == null) {
      return;
    }
    if (original == null) {
      ctx.add(SCHEMA_ADDED, null, update.pointer(), null, describe(update));
      return;
    }
    if (update == null) {
      ctx.add(SCHEMA_REMOVED, original.pointer(), null, describe(original), null);
      return;
    }
    ctx.compareOnce(original, update, c -> compareNodes(c, original, update));
  }

  private static void compareNodes(Context ctx, Schema o, Schema u) {
    if (CombinedDiff.comparedAsMove(ctx, o, u)) {
      return;
    }
    if (o.acceptsNothing() || u.acceptsAnything()) {
      if (o.form() == u.form()) {
        compareMeta(ctx, o, u);
      }
      return;
    }
    if (o.acceptsAnything() || u.acceptsNothing()) {
      ctx.add(TYPE_CHANGED, o.pointer(), u.pointer(), describe(o), describe(u));
      return;
    }
    compareMeta(ctx, o, u);
    if (o.parts().size() == 1 && u.parts().size() == 1) {
      compareParts(ctx, o, u, o.parts().values().iterator().next(), u.parts().values().iterator().next());
      return;
    }
    Set<PartKind> kinds = EnumSet.noneOf(PartKind.class);
    kinds.addAll(o.parts().keySet());
    kinds.addAll(u.parts().keySet());
    for (PartKind kind : kinds) {
      Part po = o.parts().get(kind);
      Part pu = u.parts().get(kind);
      if (po == null) {
        ctx.add(PRODUCT_TYPE_EXTENDED, o.pointer(), pu.pointer(), null, describe(pu));
      } else if (pu == null) {
        ctx.add(PRODUCT_TYPE_NARROWED, po.pointer(), u.pointer(), describe(po), null);
      } else {
        compareParts(ctx, o, u, po, pu);
      }
    }
  }

  private static void compareMeta(Context ctx, Schema o, Schema u) {
    Meta a = o.meta();
    Meta b = u.meta();
    meta(ctx, o, u, "$id", a.id(), b.id(), ID_CHANGED);
    meta(ctx, o, u, "title", a.title(), b.title(), TITLE_CHANGED);
    meta(ctx, o, u, "description", a.description(), b.description(), DESCRIPTION_CHANGED);
    meta(ctx, o, u, "default", a.defaultValue(), b.defaultValue(), DEFAULT_CHANGED);
  }

  private static void meta(Context ctx, Schema o, Schema u, String keyword, JsonNode a, JsonNode b,
      Difference.Type type) {
    if (!JsonValues.same(a, b)) {
      ctx.add(type, a == null ? null : o.pointer() + "/" + keyword, b == null ? null : u.pointer() + "/" + keyword,
          a, b);
    }
  }

  private static void compareParts(Context ctx, Schema o, Schema u, Part po, Part pu) {
    if (po instanceof TypePart a && pu instanceof TypePart b) {
      TypeDiff.compare(ctx, a, b);
    } else if (po instanceof CombinedPart a && pu instanceof CombinedPart b) {
      CombinedDiff.compare(ctx, a, b);
    } else if (po instanceof ValuesPart a && pu instanceof ValuesPart b) {
      ValuesDiff.compare(ctx, a, b);
    } else if (po instanceof NotPart a && pu instanceof NotPart b) {
      NotDiff.compare(ctx, a, b);
    } else if (po instanceof RefPart a && pu instanceof RefPart b) {
      compare(ctx, a.target(), b.target());
    } else {
      ctx.add(TYPE_CHANGED, o.pointer(), u.pointer(), describe(po), describe(pu));
    }
  }

  /** Compares two bounded keywords' presence and values, as every *_ADDED/REMOVED/... family does. */
  static void bound(Context ctx, Schema.Bound o, Schema.Bound u, Difference.Type added, Difference.Type removed,
      Difference.Type increased, Difference.Type decreased) {
    if (o == null && u == null) {
      return;
    }
    if (o == null) {
      ctx.add(added, null, u.pointer(), null, number(u));
    } else if (u == null) {
      ctx.add(removed, o.pointer(), null, number(o), null);
    } else {
      int c = o.value().compareTo(u.value());
      if (c != 0) {
        ctx.add(c < 0 ? increased : decreased, o.pointer(), u.pointer(), number(o), number(u));
      }
    }
  }

  static JsonNode number(Schema.Bound b) {
    return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(b.value());
  }

  /** A few words for what a schema accepts, for messages: {@code string}, {@code oneOf of 2 schemas}... */
  static JsonNode describe(Schema s) {
    return switch (s.form()) {
      case ANYTHING -> TextNode.valueOf(ANYTHING);
      case NOTHING -> TextNode.valueOf(NOTHING);
      case CONSTRAINED -> TextNode.valueOf(s.parts().values().stream().map(p -> describe(p).textValue())
          .collect(Collectors.joining(" and ")));
    };
  }

  static JsonNode describe(Part p) {
    String text;
    if (p instanceof TypePart t) {
      text = t.types().stream().map(x -> x.keyword).collect(Collectors.joining(" or "));
    } else if (p instanceof ValuesPart v) {
      text = v.keyword().equals("const") ? "const " + v.values().get(0)
          : "enum " + v.values().stream().map(JsonNode::toString).collect(Collectors.joining(", ", "[", "]"));
    } else if (p instanceof NotPart n) {
      text = "not (" + describe(n.negated()).textValue() + ")";
    } else if (p instanceof CombinedPart c) {
      text = c.criterion().keyword + " of " + c.branches().size() + " schema" + (c.branches().size() == 1 ? "" : "s");
    } else {
      text = "$ref to " + ((RefPart) p).target().pointer();
    }
    return TextNode.valueOf(text);
  }
}
