package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.eventcontracts.tooling.compat.json.Schema.Applied;
import io.github.eventcontracts.tooling.compat.json.Schema.CombinedPart;
import io.github.eventcontracts.tooling.compat.json.Schema.Form;
import io.github.eventcontracts.tooling.compat.json.Schema.Keyword;
import io.github.eventcontracts.tooling.compat.json.Schema.Meta;
import io.github.eventcontracts.tooling.compat.json.Schema.NotPart;
import io.github.eventcontracts.tooling.compat.json.Schema.Part;
import io.github.eventcontracts.tooling.compat.json.Schema.PartKind;
import io.github.eventcontracts.tooling.compat.json.Schema.RefPart;
import io.github.eventcontracts.tooling.compat.json.Schema.TypePart;
import io.github.eventcontracts.tooling.compat.json.Schema.ValuesPart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
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
 *
 * <p>Then the keywords that belong to the schema object as a whole: {@code unevaluatedProperties} and
 * {@code unevaluatedItems} (by openness, as {@code additionalProperties}: {@code UNEVALUATED_*_ADDED/REMOVED/
 * EXTENDED/NARROWED}), and every keyword the engine does not model ({@link Vocabulary}), whose presence and
 * {@link Signatures signature} must be the same on both sides, or the pair has an
 * {@link Difference.Type#UNSUPPORTED_KEYWORD_CHANGED}. A schema object that is only a {@code $ref} beside such
 * keywords is looked through to its target for the keyword groups.
 *
 * <p>The engine reads {@code unevaluatedProperties}/{@code unevaluatedItems} as the content model of the
 * properties/items its own schema object declares. That is exact unless the object also has {@code allOf},
 * {@code anyOf}, {@code oneOf}, a {@code $ref}, dependent schemas or unmodelled keywords, which evaluate
 * properties or items of their own. Then any change to the pair besides the keyword itself and annotations is
 * reported as an {@link Difference.Type#UNSUPPORTED_KEYWORD_CHANGED} of the keyword as well, so that the gate
 * fails closed (removing a property from an {@code allOf} branch, for one, would otherwise pass).
 */
final class SchemaDiff {
  /** How messages name a schema that accepts anything, and one that accepts nothing. */
  static final String ANYTHING = "any value";
  static final String NOTHING = "no value (false)";

  /** Changes to annotations, which never change what a schema accepts. */
  private static final Set<Difference.Type> ANNOTATION_CHANGES =
      EnumSet.of(ID_CHANGED, TITLE_CHANGED, DESCRIPTION_CHANGED, DEFAULT_CHANGED);

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

  /**
   * A pair of nodes: a {@code $ref} beside nothing but unmodelled or {@code unevaluated*} keywords is looked
   * through to its target ({@link #chain}), then the keyword groups, {@code unevaluatedProperties}/
   * {@code unevaluatedItems} and the unmodelled keywords are compared; unless the writer's schema accepts
   * nothing or the reader's accepts anything, when the outcome is clear whatever those keywords say.
   */
  private static void compareNodes(Context ctx, Schema o, Schema u) {
    List<Schema> oChain = chain(o);
    List<Schema> uChain = chain(u);
    Schema a = oChain.get(oChain.size() - 1);
    Schema b = uChain.get(uChain.size() - 1);
    boolean readsAnything = b.acceptsAnything() && uChain.stream().allMatch(Schema::constrainsOnlyByParts);
    if (a.acceptsNothing() || readsAnything) {
      compareStructure(ctx, a, b);
      return;
    }
    Context t = ctx.trial();
    compareStructure(t, a, b);
    Unevaluated properties = new Unevaluated("unevaluatedProperties", Schema::unevaluatedProperties,
        UNEVALUATED_PROPERTIES_ADDED, UNEVALUATED_PROPERTIES_REMOVED, UNEVALUATED_PROPERTIES_EXTENDED,
        UNEVALUATED_PROPERTIES_NARROWED);
    Unevaluated items = new Unevaluated("unevaluatedItems", Schema::unevaluatedItems,
        UNEVALUATED_ITEMS_ADDED, UNEVALUATED_ITEMS_REMOVED, UNEVALUATED_ITEMS_EXTENDED, UNEVALUATED_ITEMS_NARROWED);
    properties.compare(t, oChain, uChain);
    items.compare(t, oChain, uChain);
    compareUnmodelled(t, oChain, uChain);
    ctx.addAll(t);
    properties.changedBeside(ctx, t, oChain, uChain);
    items.changedBeside(ctx, t, oChain, uChain);
  }

  /**
   * The node and, while it is nothing but a {@code $ref} (beside unmodelled keywords or {@code unevaluated*}
   * at most), the nodes it leads to: their keyword groups are compared as the last node's, their other
   * keywords as the chain's.
   */
  private static List<Schema> chain(Schema s) {
    List<Schema> out = new ArrayList<>();
    Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Schema current = s;
    while (seen.add(current)) {
      out.add(current);
      if (!current.isRefWrapper()) {
        break;
      }
      current = ((RefPart) current.parts().get(PartKind.REF)).target();
    }
    return out;
  }

  /** The keyword groups of two schema objects, and their annotations. */
  private static void compareStructure(Context ctx, Schema o, Schema u) {
    if (CombinedDiff.comparedAsMove(ctx, o, u)) {
      return;
    }
    if (o.form() == Form.NOTHING || u.form() == Form.ANYTHING) {
      if (o.form() == u.form()) {
        compareMeta(ctx, o, u);
      }
      return;
    }
    if (o.form() == Form.ANYTHING || u.form() == Form.NOTHING) {
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

  /**
   * Every keyword the engine does not model, over the two chains: a keyword whose occurrences differ in
   * number or {@link Schema.Keyword#signature} is an {@link Difference.Type#UNSUPPORTED_KEYWORD_CHANGED}, located
   * at its first occurrence on each side.
   */
  private static void compareUnmodelled(Context ctx, List<Schema> oChain, List<Schema> uChain) {
    Map<String, List<Keyword>> a = keywords(oChain);
    Map<String, List<Keyword>> b = keywords(uChain);
    Set<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    for (String name : names) {
      List<Keyword> ka = a.getOrDefault(name, List.of());
      List<Keyword> kb = b.getOrDefault(name, List.of());
      if (!signatures(ka).equals(signatures(kb))) {
        Keyword x = ka.isEmpty() ? null : ka.get(0);
        Keyword y = kb.isEmpty() ? null : kb.get(0);
        ctx.at(name).add(UNSUPPORTED_KEYWORD_CHANGED, x == null ? null : x.pointer(), y == null ? null : y.pointer(),
            x == null ? null : x.value(), y == null ? null : y.value());
      }
    }
  }

  private static Map<String, List<Keyword>> keywords(List<Schema> chain) {
    Map<String, List<Keyword>> out = new TreeMap<>();
    for (Schema s : chain) {
      for (Keyword k : s.unmodelled()) {
        out.computeIfAbsent(k.name(), n -> new ArrayList<>()).add(k);
      }
    }
    return out;
  }

  private static List<String> signatures(List<Keyword> keywords) {
    return keywords.stream().map(Keyword::signature).sorted().toList();
  }

  /**
   * {@code unevaluatedProperties} or {@code unevaluatedItems}, compared over two chains ({@link #chain}),
   * occurrence by occurrence (there is at most one per chain but in unusual schemas).
   */
  private record Unevaluated(String keyword, Function<Schema, Applied> of, Difference.Type added,
      Difference.Type removed, Difference.Type extended, Difference.Type narrowed) {

    private List<Applied> in(List<Schema> chain) {
      return chain.stream().map(of).filter(Objects::nonNull).toList();
    }

    void compare(Context ctx, List<Schema> oChain, List<Schema> uChain) {
      List<Applied> a = in(oChain);
      List<Applied> b = in(uChain);
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        openness(ctx.at(keyword), i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null, added, removed,
            extended, narrowed);
      }
    }

    /**
     * The keyword restricting beside keywords that evaluate properties or items of their own
     * ({@link Schema#hasInPlaceApplicators()}), in either chain: which values it rejects then depends on
     * everything beside it, which the engine does not work out. Any change to the pair other than to the
     * keyword itself or to annotations is then also an {@link Difference.Type#UNSUPPORTED_KEYWORD_CHANGED} of
     * the keyword, carrying those changes as its causes.
     */
    void changedBeside(Context ctx, Context trial, List<Schema> oChain, List<Schema> uChain) {
      if (!dependsOnApplicators(oChain) && !dependsOnApplicators(uChain)) {
        return;
      }
      List<Applied> a = in(oChain);
      List<Applied> b = in(uChain);
      List<Difference> beside = trial.differences().stream()
          .filter(d -> !ANNOTATION_CHANGES.contains(d.type()) && d.type() != UNSUPPORTED_KEYWORD_CHANGED)
          .filter(d -> !within(d.originalPointer(), a) && !within(d.updatePointer(), b))
          .toList();
      if (!beside.isEmpty()) {
        ctx.at(keyword).add(UNSUPPORTED_KEYWORD_CHANGED, a.isEmpty() ? null : a.get(0).pointer(),
            b.isEmpty() ? null : b.get(0).pointer(), null, null, beside);
      }
    }

    private boolean dependsOnApplicators(List<Schema> chain) {
      return chain.stream().anyMatch(s -> of.apply(s) != null && of.apply(s).restricts() && s.hasInPlaceApplicators());
    }

    private static boolean within(String pointer, List<Applied> keywords) {
      return pointer != null && keywords.stream()
          .anyMatch(k -> pointer.equals(k.pointer()) || pointer.startsWith(k.pointer() + "/"));
    }
  }

  /**
   * A keyword that closes or partially opens a content model ({@code additionalProperties},
   * {@code additionalItems}, {@code unevaluated*}): {@code false} forbids what it covers, a schema constrains
   * it, absent/{@code true}/{@code {}} leave it free. Forbidding in the update is {@code removed} (the
   * permission was removed), allowing again is {@code added}; constraining is {@code narrowed}, freeing is
   * {@code extended}; two schemas are compared.
   */
  static void openness(Context c, Schema a, String ap, Schema b, String bp, Difference.Type added,
      Difference.Type removed, Difference.Type extended, Difference.Type narrowed) {
    boolean permitsA = a == null || !a.acceptsNothing();
    boolean permitsB = b == null || !b.acceptsNothing();
    if (permitsA != permitsB) {
      c.add(permitsB ? added : removed, ap, bp, null, null);
      return;
    }
    boolean constrainsA = a != null && !a.acceptsAnything() && !a.acceptsNothing();
    boolean constrainsB = b != null && !b.acceptsAnything() && !b.acceptsNothing();
    if (!constrainsA && constrainsB) {
      c.add(narrowed, ap, bp, null, null);
    } else if (constrainsA && !constrainsB) {
      c.add(extended, ap, bp, null, null);
    } else if (constrainsA) {
      compare(c, a, b);
    }
  }

  private static void openness(Context c, Applied a, Applied b, Difference.Type added, Difference.Type removed,
      Difference.Type extended, Difference.Type narrowed) {
    openness(c, a == null ? null : a.schema(), a == null ? null : a.pointer(), b == null ? null : b.schema(),
        b == null ? null : b.pointer(), added, removed, extended, narrowed);
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
      case ANYTHING -> TextNode.valueOf(s.acceptsAnything() ? ANYTHING
          : "no type (only unevaluated or unmodelled keywords)");
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
