package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import io.github.eventcontracts.tooling.compat.json.Difference.Type;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which kinds of {@link Difference} are compatible: the policy is nothing but a set of {@link Type}s, as in
 * Confluent Schema Registry's {@code SchemaDiff.COMPATIBLE_CHANGES_STRICT} and
 * {@code COMPATIBLE_CHANGES_LENIENT}. A comparison is compatible when every difference it finds is in the
 * set. {@link Type#UNSUPPORTED_KEYWORD_CHANGED} is in neither: a change the engine cannot judge never passes.
 */
public enum JsonCompatPolicy {
  /**
   * Confluent's default: a reader validates what it reads against its schema, so every value the writer's
   * schema allows must be allowed by the reader's. Properties cannot be added to an open content model.
   *
   * <p>One point is stricter than Confluent: a required property added with a {@code default}, or an existing
   * one made required with a default ({@link Type#REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED},
   * {@link Type#REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL}), is breaking, because no
   * validator applies defaults (networknt, ajv, everit, this artifact's codecs): old data without the property
   * is rejected. Apicurio's checker refuses it too; the lint rule REQUIRED_WITH_DEFAULT forbids the shape.
   */
  STRICT(CompatibleChanges.STRICT),
  /**
   * Confluent's lenient policy (the robustness principle): readers ignore properties they do not know, so
   * the content model's openness no longer matters for optional properties. Everything STRICT allows, plus
   * Confluent's defaulted required properties (added, or made required, in any model),
   * narrowing or closing {@code additionalProperties}, adding an optional (or defaulted required) property
   * to an open model, removing an optional property from a closed one, and adding or removing properties
   * that a partially open model does not cover.
   *
   * <p>Two points go beyond what Confluent's code could be read to say:
   *
   * <ul>
   *   <li>Removing an optional property from a closed model is
   *       {@link Type#OPTIONAL_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL}, a name of ours. Confluent's
   *       lenient set as first released (PR #3930) did not allow the removal; its maintainers' fix (PR #4292,
   *       "in lenient, removing an optional property from a closed model should be allowed", which also made
   *       adding a required property to an open model incompatible, as it is here) does. We could confirm that
   *       behaviour, but not the name Confluent gives the difference, so the type is ours: Confluent's
   *       {@link Type#PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL} stays incompatible for required properties.</li>
   *   <li>Closing or narrowing {@code unevaluatedProperties} ({@link Type#UNEVALUATED_PROPERTIES_REMOVED},
   *       {@link Type#UNEVALUATED_PROPERTIES_NARROWED}) is tolerated for the same reason as for
   *       {@code additionalProperties}, which it stands in for; that Confluent's lenient set holds these two
   *       could not be confirmed. {@code unevaluatedItems} is judged as strictly as {@code additionalItems}.</li>
   * </ul>
   */
  LENIENT(CompatibleChanges.LENIENT);

  private final Set<Type> compatible;

  JsonCompatPolicy(Set<Type> compatible) {
    this.compatible = compatible;
  }

  /** The kinds of difference this policy accepts; unmodifiable. */
  public Set<Type> compatibleChanges() {
    return compatible;
  }

  /** Whether a difference of this kind keeps the two schemas compatible. */
  public boolean isCompatible(Type type) {
    return compatible.contains(type);
  }

  /** The sets themselves, apart from the enum so that LENIENT can be built from STRICT. */
  private static final class CompatibleChanges {
    static final Set<Type> STRICT = Collections.unmodifiableSet(EnumSet.of(
        ID_CHANGED, DESCRIPTION_CHANGED, TITLE_CHANGED, DEFAULT_CHANGED, SCHEMA_REMOVED, TYPE_EXTENDED,

        MAX_LENGTH_INCREASED, MAX_LENGTH_REMOVED, MIN_LENGTH_DECREASED, MIN_LENGTH_REMOVED, PATTERN_REMOVED,

        MAXIMUM_INCREASED, MAXIMUM_REMOVED, MINIMUM_DECREASED, MINIMUM_REMOVED,
        EXCLUSIVE_MAXIMUM_INCREASED, EXCLUSIVE_MAXIMUM_REMOVED, EXCLUSIVE_MINIMUM_DECREASED,
        EXCLUSIVE_MINIMUM_REMOVED, MULTIPLE_OF_REDUCED, MULTIPLE_OF_REMOVED,

        REQUIRED_ATTRIBUTE_REMOVED,
        DEPENDENCY_ARRAY_NARROWED, DEPENDENCY_ARRAY_REMOVED, DEPENDENCY_SCHEMA_REMOVED,
        MAX_PROPERTIES_INCREASED, MAX_PROPERTIES_REMOVED, MIN_PROPERTIES_DECREASED, MIN_PROPERTIES_REMOVED,
        ADDITIONAL_PROPERTIES_ADDED, ADDITIONAL_PROPERTIES_EXTENDED,
        UNEVALUATED_PROPERTIES_ADDED, UNEVALUATED_PROPERTIES_EXTENDED,
        PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL,
        OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL,
        PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL, PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL,
        PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
        PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,

        MAX_ITEMS_INCREASED, MAX_ITEMS_REMOVED, MIN_ITEMS_DECREASED, MIN_ITEMS_REMOVED, UNIQUE_ITEMS_REMOVED,
        MAX_CONTAINS_INCREASED, MAX_CONTAINS_REMOVED, MIN_CONTAINS_DECREASED, MIN_CONTAINS_REMOVED,
        ADDITIONAL_ITEMS_ADDED, ADDITIONAL_ITEMS_EXTENDED, UNEVALUATED_ITEMS_ADDED, UNEVALUATED_ITEMS_EXTENDED,
        ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL, ITEM_ADDED_TO_CLOSED_CONTENT_MODEL,
        ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL, ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL,
        ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,

        ENUM_ARRAY_EXTENDED,

        COMBINED_TYPE_EXTENDED, PRODUCT_TYPE_NARROWED, SUM_TYPE_EXTENDED, NOT_TYPE_NARROWED));

    static final Set<Type> LENIENT;

    static {
      Set<Type> lenient = EnumSet.copyOf(STRICT);
      lenient.addAll(EnumSet.of(
          ADDITIONAL_PROPERTIES_NARROWED, ADDITIONAL_PROPERTIES_REMOVED,
          UNEVALUATED_PROPERTIES_NARROWED, UNEVALUATED_PROPERTIES_REMOVED,
          OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL,
          REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED, REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL,
          OPTIONAL_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL,
          PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
          PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL));
      LENIENT = Collections.unmodifiableSet(lenient);
    }

    private CompatibleChanges() {}
  }
}
