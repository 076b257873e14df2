package io.github.eventcontracts.tooling.compat.json;

import java.util.Set;

/**
 * What the engine makes of each keyword of a schema object, as data. Every keyword is one of:
 *
 * <ul>
 *   <li><b>modelled</b> in the document's draft ({@link #isModelled}): read into {@link Schema} nodes and
 *       compared by the diff classes;</li>
 *   <li><b>annotation-only</b> ({@link #isAnnotation}): never changes which values a schema accepts, so a change
 *       to it is never a finding ({@code title}, {@code description} and {@code default} are still compared,
 *       as Confluent does, and reported as compatible);</li>
 *   <li><b>structure</b> ({@link #STRUCTURE}): identifies the schema, names its draft, holds definitions or
 *       refers to them; {@code $ref} is followed and definitions are compared where they are used;</li>
 *   <li><b>unmodelled</b>: everything else, whether a keyword of the draft the engine does not compare
 *       ({@code if}/{@code then}/{@code else}, {@code contains}, {@code propertyNames}, {@code format},
 *       {@code $dynamicRef}...), a keyword of another draft ({@code prefixItems} in draft-07,
 *       {@code dependencies} in 2020-12...) or an unknown one. The engine fails closed on these: any difference
 *       in their presence or value (including what their {@code $ref}s point to) is an
 *       {@link Difference.Type#UNSUPPORTED_KEYWORD_CHANGED}, incompatible under every policy.</li>
 * </ul>
 */
final class Vocabulary {
  /**
   * Keywords that only annotate. {@code format} is deliberately not among them: Confluent's serializers
   * validate with libraries that assert formats, so a new or different format can reject data. Keywords
   * starting with {@code x-} are the usual spelling of vendor annotations and are annotation-only too.
   */
  static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples", "default",
      "deprecated", "readOnly", "writeOnly", "contentMediaType", "contentEncoding", "contentSchema");

  /**
   * The content keywords: annotation-only from 2019-09 on, but in draft-07 a validator may assert them, and
   * networknt (the platform's validator) does: {@code contentEncoding: base64} rejects a string that is not
   * base64. In draft-07 documents they are therefore unmodelled (Apicurio's checker compares them too).
   */
  private static final Set<String> CONTENT = Set.of("contentMediaType", "contentEncoding", "contentSchema");

  /** Keywords about the document rather than the values: identity, draft, definitions and references. */
  static final Set<String> STRUCTURE = Set.of("$schema", "$id", "$anchor", "$defs", "definitions", "$ref");

  /** Constraints the engine compares in every draft. */
  private static final Set<String> ALWAYS = Set.of("type", "enum", "const", "not", "allOf", "anyOf", "oneOf",
      "properties", "required", "additionalProperties", "patternProperties", "minProperties", "maxProperties",
      "items", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "minimum", "maximum",
      "exclusiveMinimum", "exclusiveMaximum", "multipleOf");

  private Vocabulary() {}

  static boolean isAnnotation(String keyword, Draft draft) {
    if (draft == Draft.DRAFT_07 && CONTENT.contains(keyword)) {
      return false;
    }
    return ANNOTATIONS.contains(keyword) || keyword.startsWith("x-");
  }

  /** Neither a constraint nor unmodelled: changes to it are compatible or compared elsewhere. */
  static boolean isIgnoredByScan(String keyword, Draft draft) {
    return isAnnotation(keyword, draft) || STRUCTURE.contains(keyword);
  }

  /** Whether the engine compares {@code keyword} in documents of {@code draft}. */
  static boolean isModelled(String keyword, Draft draft) {
    if (ALWAYS.contains(keyword)) {
      return true;
    }
    return switch (keyword) {
      case "additionalItems" -> draft.tupleInItems();
      case "prefixItems" -> !draft.tupleInItems();
      case "dependencies" -> !draft.splitDependencies();
      case "dependentRequired", "dependentSchemas" -> draft.splitDependencies();
      case "unevaluatedProperties", "unevaluatedItems", "minContains", "maxContains" ->
          draft.hasUnevaluatedAndContainsBounds();
      default -> false;
    };
  }

  /** Whether a change to {@code keyword} is an unsupported-keyword change in documents of {@code draft}. */
  static boolean isUnmodelled(String keyword, Draft draft) {
    return !isIgnoredByScan(keyword, draft) && !isModelled(keyword, draft);
  }
}
