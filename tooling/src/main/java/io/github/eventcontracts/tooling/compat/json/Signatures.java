package io.github.eventcontracts.tooling.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The signature of an unmodelled keyword: a string that is equal for two occurrences exactly when the engine
 * cannot tell them apart. It is the keyword's value in canonical form (numbers and member order normalized,
 * annotation-only keywords of the subschemas it holds left out), followed by every schema its {@code $ref}s,
 * {@code $dynamicRef}s and {@code $recursiveRef}s reach, transitively, each by pointer and in the same canonical
 * form: so {@code "if": {"$ref": "#/$defs/A"}} changes its signature when {@code A} changes, though its own
 * text does not.
 */
final class Signatures {
  /** Keywords whose value is one schema. */
  private static final Set<String> ONE_SCHEMA = Set.of("not", "if", "then", "else", "contains", "propertyNames",
      "additionalProperties", "additionalItems", "unevaluatedProperties", "unevaluatedItems", "items");
  /** Keywords whose value is an array of schemas. */
  private static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf", "prefixItems", "items");
  /** Keywords whose value is an object of named schemas (or, for {@code dependencies}, of name arrays too). */
  private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "dependentSchemas",
      "dependencies");

  private final JsonNode root;
  private final RefResolver refs;
  private final Draft draft;
  private Map<String, List<String>> dynamicAnchors;
  private List<String> recursiveAnchors;

  Signatures(JsonNode root, RefResolver refs, Draft draft) {
    this.root = root;
    this.refs = refs;
    this.draft = draft;
  }

  /** The signature of {@code keyword} with {@code value}, in this document. */
  String of(String keyword, JsonNode value) {
    Set<String> reached = new LinkedHashSet<>();
    StringBuilder b = new StringBuilder();
    member(keyword, value, b, reached);
    if (keyword.equals("$dynamicRef") || keyword.equals("$recursiveRef")) {
      reached.addAll(dynamicTargets(keyword, value));
    }
    Map<String, String> closure = new TreeMap<>();
    Deque<String> queue = new ArrayDeque<>(reached);
    while (!queue.isEmpty()) {
      String pointer = queue.poll();
      if (closure.containsKey(pointer)) {
        continue;
      }
      JsonNode target = root.at(pointer);
      Set<String> further = new LinkedHashSet<>();
      StringBuilder t = new StringBuilder();
      if (target.isMissingNode()) {
        t.append("<missing>");
      } else {
        schema(target, t, further);
      }
      closure.put(pointer, t.toString());
      queue.addAll(further);
    }
    closure.forEach((pointer, text) -> b.append('\n').append(pointer).append(" = ").append(text));
    return b.toString();
  }

  private void member(String keyword, JsonNode value, StringBuilder b, Set<String> reached) {
    if (ONE_SCHEMA.contains(keyword) && (value.isObject() || value.isBoolean())) {
      schema(value, b, reached);
    } else if (SCHEMA_ARRAYS.contains(keyword) && value.isArray()) {
      b.append('[');
      for (int i = 0; i < value.size(); i++) {
        b.append(i > 0 ? "," : "");
        schema(value.get(i), b, reached);
      }
      b.append(']');
    } else if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
      b.append('{');
      String sep = "";
      for (String name : new TreeSet<>(names(value))) {
        b.append(sep).append(JsonValues.canonical(TextNode.valueOf(name)))
            .append(':');
        JsonNode v = value.get(name);
        if (v.isArray()) {
          b.append(JsonValues.canonical(v));
        } else {
          schema(v, b, reached);
        }
        sep = ",";
      }
      b.append('}');
    } else {
      b.append(JsonValues.canonical(value));
      referencesIn(value, reached);
    }
  }

  /**
   * The targets of every {@code $ref} anywhere in a value the engine does not read as schemas (an unknown
   * keyword's, say): it may hold schemas after all, so what they refer to is part of the signature too.
   */
  private void referencesIn(JsonNode value, Set<String> reached) {
    if (value.isObject()) {
      for (String name : names(value)) {
        JsonNode v = value.get(name);
        if (name.equals("$ref") && v.isTextual()) {
          try {
            reached.add(refs.target(v));
          } catch (RefResolver.Unresolvable e) {
            // not a reference into this document
          }
        } else if ((name.equals("$dynamicRef") || name.equals("$recursiveRef")) && v.isTextual()) {
          reached.addAll(dynamicTargets(name, v));
        } else {
          referencesIn(v, reached);
        }
      }
    } else if (value.isArray()) {
      value.forEach(v -> referencesIn(v, reached));
    }
  }

  /** A subschema: its keywords in name order, without annotations, definitions or identifiers. */
  private void schema(JsonNode s, StringBuilder b, Set<String> reached) {
    if (!s.isObject()) {
      b.append(JsonValues.canonical(s));
      return;
    }
    b.append('{');
    String sep = "";
    for (String name : new TreeSet<>(names(s))) {
      if (Vocabulary.isAnnotation(name, draft) || (Vocabulary.STRUCTURE.contains(name) && !name.equals("$ref"))) {
        continue;
      }
      JsonNode v = s.get(name);
      b.append(sep).append(JsonValues.canonical(TextNode.valueOf(name)))
          .append(':');
      if (name.equals("$ref")) {
        b.append(JsonValues.canonical(v));
        try {
          reached.add(refs.target(v));
        } catch (RefResolver.Unresolvable e) {
          // the text itself is the signature of a reference that leads nowhere
        }
      } else {
        if (name.equals("$dynamicRef") || name.equals("$recursiveRef")) {
          reached.addAll(dynamicTargets(name, v));
        }
        member(name, v, b, reached);
      }
      sep = ",";
    }
    b.append('}');
  }

  /**
   * Every schema a dynamic reference may resolve to, over-approximated: its JSON Pointer target if it has
   * one, every schema declaring the anchor it names ({@code $dynamicAnchor}), and for {@code $recursiveRef}
   * the root and every schema with {@code $recursiveAnchor: true}.
   */
  private List<String> dynamicTargets(String keyword, JsonNode value) {
    List<String> out = new ArrayList<>();
    if (dynamicAnchors == null) {
      dynamicAnchors = new TreeMap<>();
      recursiveAnchors = new ArrayList<>();
      index(root, "");
    }
    if (keyword.equals("$recursiveRef")) {
      out.add("");
      out.addAll(recursiveAnchors);
    }
    if (value.isTextual()) {
      String text = value.textValue();
      if (text.startsWith("#") && !text.startsWith("#/") && text.length() > 1) {
        out.addAll(dynamicAnchors.getOrDefault(text.substring(1), List.of()));
      } else {
        try {
          out.add(refs.target(value));
        } catch (RefResolver.Unresolvable e) {
          // the text is part of the signature already
        }
      }
    }
    return out;
  }

  private void index(JsonNode node, String pointer) {
    if (node.isObject()) {
      JsonNode anchor = node.get("$dynamicAnchor");
      if (anchor != null && anchor.isTextual()) {
        dynamicAnchors.computeIfAbsent(anchor.textValue(), k -> new ArrayList<>()).add(pointer);
      }
      JsonNode recursive = node.get("$recursiveAnchor");
      if (recursive != null && recursive.isBoolean() && recursive.booleanValue()) {
        recursiveAnchors.add(pointer);
      }
      for (String name : names(node)) {
        index(node.get(name), Paths.child(pointer, name));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        index(node.get(i), Paths.child(pointer, i));
      }
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
