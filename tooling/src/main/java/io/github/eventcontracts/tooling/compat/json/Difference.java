package io.github.eventcontracts.tooling.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One change found by comparing an original (writer's) JSON Schema with an update (reader's) schema, as
 * Confluent Schema Registry's {@code SchemaDiff.compare(original, update)} names it. Whether the change is
 * compatible is not part of the difference: a {@link JsonCompatPolicy} decides that from its {@link Type}.
 *
 * @param type             what changed, by Confluent's name
 * @param path             where, by field names: {@code data.category}, {@code data.files[]},
 *                         {@code status.oneOf[1]}; empty for the root
 * @param originalPointer  JSON Pointer of the changed node in the original document, or null when the node
 *                         does not exist there
 * @param updatePointer    JSON Pointer of the changed node in the update document, or null when it does not
 *                         exist there
 * @param originalValue    the original's value of the changed keyword, when the message needs it; may be null
 * @param updateValue      the update's value of the changed keyword, when the message needs it; may be null
 * @param causes           for {@link Type#COMBINED_TYPE_SUBSCHEMAS_CHANGED}: the incompatible differences of
 *                         the closest pair of branches that could not be matched; for
 *                         {@link Type#UNSUPPORTED_KEYWORD_CHANGED} of {@code unevaluatedProperties}/
 *                         {@code unevaluatedItems} beside other evaluating keywords: the changes beside it;
 *                         empty otherwise
 */
public record Difference(Type type, String path, String originalPointer, String updatePointer,
    JsonNode originalValue, JsonNode updateValue, List<Difference> causes) {

  public Difference {
    causes = List.copyOf(causes);
  }

  /** This difference as seen from a comparison that started {@code prefix} higher up. */
  Difference under(String prefix) {
    return new Difference(type, Paths.join(prefix, path), originalPointer, updatePointer, originalValue,
        updateValue, causes.stream().map(c -> c.under(prefix)).toList());
  }

  /**
   * The kinds of change, with Confluent's names so that users can look them up. All but two exist in
   * Confluent's enum:
   *
   * <ul>
   *   <li>{@link #OPTIONAL_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL} splits Confluent's
   *       {@link #PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL} by whether the property was required, because the
   *       lenient policy tolerates only the optional case (as Confluent's does since its fix of May 2026, which
   *       we could confirm by behaviour but not by name);</li>
   *   <li>{@link #UNSUPPORTED_KEYWORD_CHANGED} is how this engine fails closed: a keyword it does not model
   *       ({@link Vocabulary}) was added, removed or changed, or {@code unevaluatedProperties}/
   *       {@code unevaluatedItems} stand beside keywords that evaluate properties or items of their own and
   *       something beside them changed. Confluent ignores such keywords; here the change is incompatible under
   *       every policy, because the gate cannot judge it.</li>
   * </ul>
   */
  public enum Type {
    // any schema
    ID_CHANGED, DESCRIPTION_CHANGED, TITLE_CHANGED, DEFAULT_CHANGED,
    SCHEMA_ADDED, SCHEMA_REMOVED, TYPE_EXTENDED, TYPE_NARROWED, TYPE_CHANGED,

    // strings
    MAX_LENGTH_ADDED, MAX_LENGTH_REMOVED, MAX_LENGTH_INCREASED, MAX_LENGTH_DECREASED,
    MIN_LENGTH_ADDED, MIN_LENGTH_REMOVED, MIN_LENGTH_INCREASED, MIN_LENGTH_DECREASED,
    PATTERN_ADDED, PATTERN_REMOVED, PATTERN_CHANGED,

    // numbers
    MAXIMUM_ADDED, MAXIMUM_REMOVED, MAXIMUM_INCREASED, MAXIMUM_DECREASED,
    MINIMUM_ADDED, MINIMUM_REMOVED, MINIMUM_INCREASED, MINIMUM_DECREASED,
    EXCLUSIVE_MAXIMUM_ADDED, EXCLUSIVE_MAXIMUM_REMOVED, EXCLUSIVE_MAXIMUM_INCREASED, EXCLUSIVE_MAXIMUM_DECREASED,
    EXCLUSIVE_MINIMUM_ADDED, EXCLUSIVE_MINIMUM_REMOVED, EXCLUSIVE_MINIMUM_INCREASED, EXCLUSIVE_MINIMUM_DECREASED,
    MULTIPLE_OF_ADDED, MULTIPLE_OF_REMOVED, MULTIPLE_OF_EXPANDED, MULTIPLE_OF_REDUCED, MULTIPLE_OF_CHANGED,

    // objects
    REQUIRED_ATTRIBUTE_ADDED, REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED, REQUIRED_ATTRIBUTE_REMOVED,
    MAX_PROPERTIES_ADDED, MAX_PROPERTIES_REMOVED, MAX_PROPERTIES_INCREASED, MAX_PROPERTIES_DECREASED,
    MIN_PROPERTIES_ADDED, MIN_PROPERTIES_REMOVED, MIN_PROPERTIES_INCREASED, MIN_PROPERTIES_DECREASED,
    ADDITIONAL_PROPERTIES_ADDED, ADDITIONAL_PROPERTIES_REMOVED, ADDITIONAL_PROPERTIES_EXTENDED,
    ADDITIONAL_PROPERTIES_NARROWED,
    DEPENDENCY_ARRAY_ADDED, DEPENDENCY_ARRAY_REMOVED, DEPENDENCY_ARRAY_EXTENDED, DEPENDENCY_ARRAY_NARROWED,
    DEPENDENCY_ARRAY_CHANGED, DEPENDENCY_SCHEMA_ADDED, DEPENDENCY_SCHEMA_REMOVED,
    REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL,
    OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL,
    REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL, REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL,
    OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL,
    PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL, PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL,
    PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, OPTIONAL_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL,
    PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
    PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
    PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
    PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
    UNEVALUATED_PROPERTIES_ADDED, UNEVALUATED_PROPERTIES_REMOVED, UNEVALUATED_PROPERTIES_EXTENDED,
    UNEVALUATED_PROPERTIES_NARROWED,

    // arrays
    MAX_ITEMS_ADDED, MAX_ITEMS_REMOVED, MAX_ITEMS_INCREASED, MAX_ITEMS_DECREASED,
    MIN_ITEMS_ADDED, MIN_ITEMS_REMOVED, MIN_ITEMS_INCREASED, MIN_ITEMS_DECREASED,
    MAX_CONTAINS_ADDED, MAX_CONTAINS_REMOVED, MAX_CONTAINS_INCREASED, MAX_CONTAINS_DECREASED,
    MIN_CONTAINS_ADDED, MIN_CONTAINS_REMOVED, MIN_CONTAINS_INCREASED, MIN_CONTAINS_DECREASED,
    UNIQUE_ITEMS_ADDED, UNIQUE_ITEMS_REMOVED,
    ADDITIONAL_ITEMS_ADDED, ADDITIONAL_ITEMS_REMOVED, ADDITIONAL_ITEMS_EXTENDED, ADDITIONAL_ITEMS_NARROWED,
    UNEVALUATED_ITEMS_ADDED, UNEVALUATED_ITEMS_REMOVED, UNEVALUATED_ITEMS_EXTENDED, UNEVALUATED_ITEMS_NARROWED,
    ITEM_ADDED_TO_OPEN_CONTENT_MODEL, ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL,
    ITEM_ADDED_TO_CLOSED_CONTENT_MODEL, ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL,
    ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL, ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL,
    ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
    ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,

    // enum and const
    ENUM_ARRAY_EXTENDED, ENUM_ARRAY_NARROWED, ENUM_ARRAY_CHANGED,

    // allOf, anyOf, oneOf, type arrays, and keyword groups of one schema object
    COMBINED_TYPE_EXTENDED, COMBINED_TYPE_CHANGED, PRODUCT_TYPE_EXTENDED, PRODUCT_TYPE_NARROWED,
    SUM_TYPE_EXTENDED, SUM_TYPE_NARROWED, COMBINED_TYPE_SUBSCHEMAS_CHANGED,

    // not
    NOT_TYPE_EXTENDED, NOT_TYPE_NARROWED,

    // keywords the engine does not model (this engine's own; see above)
    UNSUPPORTED_KEYWORD_CHANGED
  }
}
