package io.github.eventcontracts.tooling.compat.json;

import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.CompatibilityEngine;
import io.github.eventcontracts.tooling.compat.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Schema compatibility with the semantics of Confluent Schema Registry's JSON Schema checker:
 * {@code SchemaDiff.compare(original = writer, update = reader)} lists every {@link Difference}, and the
 * reader can read the writer's data when the {@link JsonCompatPolicy} accepts every one of them. BACKWARD
 * is {@code compare(previous, new)}, FORWARD is {@code compare(new, previous)}.
 *
 * <p>Drafts 07, 2019-09 and 2020-12 are read (by {@code $schema}; draft-07 when absent), local
 * {@code $ref}s into {@code $defs}/{@code definitions} are followed, recursive schemas terminate. A document
 * that is not a valid schema is reported as a {@link ContractException} of {@code SCHEMA_INVALID} findings.
 *
 * <p>The engine fails closed: a keyword it does not model ({@code if}/{@code then}/{@code else},
 * {@code contains}, {@code propertyNames}, {@code format}, {@code $dynamicRef}, a keyword of another draft,
 * an unknown one...) that is added, removed or changed is a {@code JSON_UNSUPPORTED_KEYWORD_CHANGED} finding
 * under every policy; only the annotation-only keywords of {@link Vocabulary} may change freely.
 */
public final class JsonSchemaEngine implements CompatibilityEngine {
  private final JsonCompatPolicy policy;

  /** An engine judging compatibility by {@code policy} ({@link JsonCompatPolicy#STRICT} is Confluent's default). */
  public JsonSchemaEngine(JsonCompatPolicy policy) {
    this.policy = policy;
  }

  @Override
  public SchemaFormat format() {
    return SchemaFormat.JSON;
  }

  /**
   * Every difference between the writer's and the reader's schema, compatible or not, in the order found.
   *
   * @throws ContractException with every {@code SCHEMA_INVALID} finding of both documents
   */
  public List<Difference> differences(SourceDocument writer, SourceDocument reader) {
    List<Finding> invalid = new ArrayList<>();
    Schema original = load(writer, invalid);
    Schema update = load(reader, invalid);
    if (!invalid.isEmpty()) {
      throw new ContractException(invalid);
    }
    return SchemaDiff.compare(policy, original, update);
  }

  @Override
  public List<Finding> incompatibilities(SourceDocument writer, SourceDocument reader, Side newSide) {
    return differences(writer, reader).stream()
        .filter(d -> !policy.isCompatible(d.type()))
        .map(d -> Explanations.finding(d, writer, reader, newSide))
        .toList();
  }

  private static Schema load(SourceDocument doc, List<Finding> invalid) {
    try {
      return SchemaLoader.load(doc);
    } catch (ContractException e) {
      invalid.addAll(e.findings());
      return null;
    }
  }
}
