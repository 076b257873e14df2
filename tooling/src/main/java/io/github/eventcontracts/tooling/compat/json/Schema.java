package io.github.eventcontracts.tooling.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One schema of a document, normalized for comparison: {@code true}/{@code {}} accept anything,
 * {@code false} accepts nothing, and any other schema object is the conjunction of its keyword groups
 * ({@link Part}s): the type with its type-specific keywords, {@code enum}/{@code const}, {@code not},
 * {@code allOf}, {@code anyOf}, {@code oneOf} and (from 2019-09) a {@code $ref} beside other keywords. A
 * schema that is only a {@code $ref} is never a node of its own: the loader hands out its target instead.
 *
 * <p>Nodes are created empty by {@link SchemaLoader} and defined once, so that recursive schemas can refer
 * to a node before it is filled in; comparisons identify nodes by identity.
 */
final class Schema {
  /** What the schema accepts in the large. */
  enum Form { ANYTHING, NOTHING, CONSTRAINED }

  /** The keyword groups of a schema object; a node holds at most one part of each kind. */
  enum PartKind { TYPE, VALUES, CONST, NOT, ALL_OF, ANY_OF, ONE_OF, REF }

  /** The JSON types of {@code type}; {@code integer} is a subset of {@code number}. */
  enum JsonType {
    STRING("string"), NUMBER("number"), INTEGER("integer"), OBJECT("object"), ARRAY("array"),
    BOOLEAN("boolean"), NULL("null");

    final String keyword;

    JsonType(String keyword) {
      this.keyword = keyword;
    }

    static JsonType of(String keyword) {
      for (JsonType t : values()) {
        if (t.keyword.equals(keyword)) {
          return t;
        }
      }
      return null;
    }
  }

  /** The annotations Confluent compares on every schema. Each is null when absent. */
  record Meta(JsonNode id, JsonNode title, JsonNode description, JsonNode defaultValue) {
    static final Meta NONE = new Meta(null, null, null, null);
  }

  /** A numeric keyword's value and where it is written. */
  record Bound(BigDecimal value, String pointer) {}

  /** A keyword's text value ({@code pattern}) and where it is written. */
  record Text(String value, String pointer) {}

  /** A declared property: its schema and the pointer of its entry under {@code properties}. */
  record Property(String name, Schema schema, String pointer) {}

  /** A {@code dependentRequired} / {@code dependencies} array entry. */
  record DependencyArray(List<String> names, String pointer) {}

  /** A {@code dependentSchemas} / {@code dependencies} schema entry. */
  record DependencySchema(Schema schema, String pointer) {}

  /** One entry of a {@code patternProperties} object. */
  record PatternProperty(String regex, Pattern pattern, Schema schema, String pointer) {}

  /** One positional item schema of a tuple, with the pointer of its entry. */
  record Item(Schema schema, String pointer) {}

  /** One branch of {@code allOf}/{@code anyOf}/{@code oneOf}: its index in the array and its schema. */
  record Branch(int index, Schema schema, String canonical) {}

  /** A keyword group of a schema object. */
  sealed interface Part permits TypePart, ValuesPart, NotPart, CombinedPart, RefPart {
    /** Where the group is written: its keyword, or the schema object for implicit groups. */
    String pointer();
  }

  /**
   * {@code type} (one type or an array of them; implied by type-specific keywords when absent) with the
   * keywords of each type.
   */
  record TypePart(String pointer, List<JsonType> types, StringRules string, NumberRules number,
      ObjectRules object, ArrayRules array) implements Part {}

  record StringRules(Bound minLength, Bound maxLength, Text pattern) {}

  record NumberRules(Bound minimum, Bound maximum, Bound exclusiveMinimum, Bound exclusiveMaximum,
      Bound multipleOf) {}

  /**
   * @param pointer           the schema object these keywords belong to
   * @param required          the required property names, each with the pointer of its entry
   * @param additional        the schema of {@code additionalProperties}, or null when it is absent
   * @param additionalPointer where {@code additionalProperties} is written, or null
   * @param unevaluated       the schema of {@code unevaluatedProperties} (2019-09 on), or null when absent; it
   *                          stands in for an absent {@code additionalProperties} in the content model, and is
   *                          compared as a keyword of the whole schema object ({@link Schema#unevaluatedProperties})
   */
  record ObjectRules(String pointer, Map<String, Property> properties, Map<String, String> required, Schema additional,
      String additionalPointer, Schema unevaluated, List<PatternProperty> patterns, Bound minProperties,
      Bound maxProperties, Map<String, DependencyArray> dependencyArrays,
      Map<String, DependencySchema> dependencySchemas) {}

  /**
   * @param pointer     the schema object these keywords belong to
   * @param items       the schema every item must match ({@code items} in list form), or null
   * @param prefix      the positional item schemas of a tuple, or null when the array is not a tuple
   * @param rest        the schema of items after the tuple ({@code additionalItems}, or 2020-12
   *                    {@code items} beside {@code prefixItems}), or null when absent
   * @param unevaluated the schema of {@code unevaluatedItems} (2019-09 on), or null when absent; it stands in
   *                    for an absent {@code rest} in the content model of a tuple, and is compared as a keyword of
   *                    the whole schema object ({@link Schema#unevaluatedItems})
   * @param uniqueItems where {@code uniqueItems: true} is written, or null
   */
  record ArrayRules(String pointer, Schema items, String itemsPointer, List<Item> prefix, Schema rest, String restPointer,
      Schema unevaluated, Bound minItems, Bound maxItems, Bound minContains, Bound maxContains, String uniqueItems) {}

  /**
   * A keyword the engine does not model ({@link Vocabulary}), kept so that a change to it can be reported.
   *
   * @param name      the keyword
   * @param pointer   where it is written
   * @param value     its value
   * @param signature what the engine can compare of it ({@link Signatures})
   */
  record Keyword(String name, String pointer, JsonNode value, String signature) {}

  /** A schema-valued keyword of the whole schema object ({@code unevaluatedProperties}...), with its pointer. */
  record Applied(Schema schema, String pointer) {
    /**
     * Whether it restricts anything: it is not {@code true}, {@code {}} or only annotations. Decided without
     * following the schema's own unevaluated keywords, so that a recursive schema cannot loop here.
     */
    boolean restricts() {
      return !(schema.form == Form.ANYTHING && schema.unmodelled.isEmpty() && schema.unevaluatedProperties == null
          && schema.unevaluatedItems == null);
    }
  }

  /** {@code enum}, or {@code const} as a one-value enum. */
  record ValuesPart(String pointer, String keyword, List<JsonNode> values) implements Part {}

  record NotPart(String pointer, Schema negated) implements Part {}

  /** The three ways of combining schemas, by keyword. */
  enum Criterion {
    ALL_OF("allOf"), ANY_OF("anyOf"), ONE_OF("oneOf");

    final String keyword;

    Criterion(String keyword) {
      this.keyword = keyword;
    }

    boolean isSum() {
      return this != ALL_OF;
    }
  }

  record CombinedPart(String pointer, Criterion criterion, List<Branch> branches) implements Part {}

  /** A {@code $ref} that sits beside other keywords (2019-09 and later). */
  record RefPart(String pointer, Schema target) implements Part {}

  private final String pointer;
  private Form form = Form.ANYTHING;
  private Meta meta = Meta.NONE;
  private Map<PartKind, Part> parts = Map.of();
  private List<Keyword> unmodelled = List.of();
  private Applied unevaluatedProperties;
  private Applied unevaluatedItems;

  Schema(String pointer) {
    this.pointer = pointer;
  }

  /** A schema that accepts anything, standing for an absent or {@code true} keyword at {@code pointer}. */
  static Schema anything(String pointer) {
    return new Schema(pointer);
  }

  void define(Form form, Meta meta, EnumMap<PartKind, Part> parts) {
    define(form, meta, parts, List.of(), null, null);
  }

  /**
   * @param form                  what the keyword groups accept in the large (the unmodelled and unevaluated
   *                              keywords are not part of it; see {@link #acceptsAnything()})
   * @param unmodelled            the keywords the engine does not model, in document order
   * @param unevaluatedProperties {@code unevaluatedProperties}, or null when absent
   * @param unevaluatedItems      {@code unevaluatedItems}, or null when absent
   */
  void define(Form form, Meta meta, EnumMap<PartKind, Part> parts, List<Keyword> unmodelled,
      Applied unevaluatedProperties, Applied unevaluatedItems) {
    this.form = form;
    this.meta = meta;
    this.parts = Collections.unmodifiableMap(new EnumMap<>(parts));
    this.unmodelled = List.copyOf(unmodelled);
    this.unevaluatedProperties = unevaluatedProperties;
    this.unevaluatedItems = unevaluatedItems;
  }

  String pointer() {
    return pointer;
  }

  Form form() {
    return form;
  }

  Meta meta() {
    return meta;
  }

  /** The keyword groups, in {@link PartKind} order; empty unless {@link #form()} is CONSTRAINED. */
  Map<PartKind, Part> parts() {
    return parts;
  }

  /** The keywords of this schema object that the engine does not model; empty for boolean schemas. */
  List<Keyword> unmodelled() {
    return unmodelled;
  }

  /** {@code unevaluatedProperties} of this schema object, or null. */
  Applied unevaluatedProperties() {
    return unevaluatedProperties;
  }

  /** {@code unevaluatedItems} of this schema object, or null. */
  Applied unevaluatedItems() {
    return unevaluatedItems;
  }

  /**
   * Whether the schema is known to accept every value: {@code true}, {@code {}} or only annotations. A schema
   * whose only keywords are unmodelled or {@code unevaluated*} is not, though its {@link #form()} is ANYTHING.
   */
  boolean acceptsAnything() {
    return form == Form.ANYTHING && constrainsOnlyByParts();
  }

  /** No unmodelled keywords and no restricting {@code unevaluated*}: all it constrains is in {@link #parts()}. */
  boolean constrainsOnlyByParts() {
    return unmodelled.isEmpty() && (unevaluatedProperties == null || !unevaluatedProperties.restricts())
        && (unevaluatedItems == null || !unevaluatedItems.restricts());
  }

  /**
   * Whether {@code unevaluatedProperties}/{@code unevaluatedItems} of this schema object depend on more than
   * its own {@code properties}/{@code items}: it has {@code allOf}, {@code anyOf}, {@code oneOf}, a
   * {@code $ref} beside other keywords, dependent schemas, or keywords the engine does not model, any of which
   * may evaluate properties or items that the unevaluated keywords then no longer see.
   */
  boolean hasInPlaceApplicators() {
    if (!unmodelled.isEmpty() || parts.containsKey(PartKind.ALL_OF) || parts.containsKey(PartKind.ANY_OF)
        || parts.containsKey(PartKind.ONE_OF) || parts.containsKey(PartKind.REF)) {
      return true;
    }
    return parts.get(PartKind.TYPE) instanceof TypePart t && !t.object().dependencySchemas().isEmpty();
  }

  /**
   * Whether this node's only keyword group is a {@code $ref} (beside unmodelled or {@code unevaluated*}
   * keywords at most): then its keyword groups are its target's.
   */
  boolean isRefWrapper() {
    return parts.size() == 1 && parts.containsKey(PartKind.REF);
  }

  boolean acceptsNothing() {
    return form == Form.NOTHING;
  }

  /** The only part, when the schema is nothing but an {@code allOf}/{@code anyOf}/{@code oneOf}; else null. */
  CombinedPart combinedOnly() {
    return parts.size() == 1 && parts.values().iterator().next() instanceof CombinedPart c ? c : null;
  }
}
