package io.github.eventcontracts.tooling.compat.json;

/**
 * The JSON Schema drafts the engine reads, told apart by {@code $schema}. They differ in where tuples and
 * dependencies are written: draft-07 has {@code items: [..]} + {@code additionalItems} and
 * {@code dependencies}; 2019-09 keeps the tuple form but splits dependencies into {@code dependentRequired}
 * and {@code dependentSchemas}; 2020-12 writes tuples as {@code prefixItems} + {@code items}. Both
 * {@code definitions} and {@code $defs} are plain JSON Pointer targets in every draft.
 */
enum Draft {
  DRAFT_07("http://json-schema.org/draft-07/schema"),
  DRAFT_2019_09("https://json-schema.org/draft/2019-09/schema"),
  DRAFT_2020_12("https://json-schema.org/draft/2020-12/schema");

  private final String uri;

  Draft(String uri) {
    this.uri = uri;
  }

  /**
   * The draft a {@code $schema} value names (with or without a trailing {@code #}, over http or https), or
   * null when it names none of the three. A schema without {@code $schema} is read as draft-07, as Confluent
   * Schema Registry does.
   */
  static Draft of(String schemaUri) {
    if (schemaUri == null) {
      return DRAFT_07;
    }
    String normalized = schemaUri.replaceFirst("^https?://", "").replaceFirst("#$", "");
    for (Draft d : values()) {
      if (normalized.equals(d.uri.replaceFirst("^https?://", ""))) {
        return d;
      }
    }
    return null;
  }

  /** {@code items} may be an array (a tuple) and {@code additionalItems} is its rest. */
  boolean tupleInItems() {
    return this != DRAFT_2020_12;
  }

  /** Dependencies are {@code dependentRequired} and {@code dependentSchemas}, not {@code dependencies}. */
  boolean splitDependencies() {
    return this != DRAFT_07;
  }

  /**
   * The draft has {@code unevaluatedProperties}, {@code unevaluatedItems}, {@code minContains} and
   * {@code maxContains} (all added in 2019-09).
   */
  boolean hasUnevaluatedAndContainsBounds() {
    return this != DRAFT_07;
  }

  /** {@code $ref} is an applicator beside its sibling keywords instead of replacing them. */
  boolean refHasSiblings() {
    return this != DRAFT_07;
  }

  String uri() {
    return uri;
  }
}
