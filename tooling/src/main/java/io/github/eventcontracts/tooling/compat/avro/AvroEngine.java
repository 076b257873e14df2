package io.github.eventcontracts.tooling.compat.avro;

import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.CompatibilityEngine;
import io.github.eventcontracts.tooling.compat.Side;
import java.util.List;
import java.util.Objects;

/**
 * Avro's reader/writer compatibility, as {@link org.apache.avro.SchemaCompatibility} decides it (field
 * aliases and defaults, the promotions int→long→float→double and string↔bytes, unions, enum symbols and
 * enum defaults, named types, fixed sizes), plus our policy that a change of {@code logicalType} is
 * incompatible in every direction ({@value Comparison#LOGICAL_TYPE_CHANGED}).
 *
 * <p>Rule ids are {@code AVRO_} followed by Avro's {@code SchemaIncompatibilityType}
 * ({@code AVRO_READER_FIELD_MISSING_DEFAULT_VALUE}, {@code AVRO_TYPE_MISMATCH},
 * {@code AVRO_MISSING_ENUM_SYMBOLS}, {@code AVRO_MISSING_UNION_BRANCH}, {@code AVRO_NAME_MISMATCH},
 * {@code AVRO_FIXED_SIZE_MISMATCH}), {@value Comparison#LOGICAL_TYPE_CHANGED}, and
 * {@value Comparison#FIELD_ALIAS_AMBIGUOUS} for a reader field whose name and aliases match several writer
 * fields (Avro refuses to compare such schemas).
 *
 * <p>Every finding is located in the file as written: in the new schema's file, except a removal (a
 * removed field the old schema needs, a removed enum symbol, a removed union branch), which points at what
 * was removed in the old file. See {@link IncompatibilityLocator} for how Avro's locations are mapped.
 */
public final class AvroEngine implements CompatibilityEngine {

  @Override
  public SchemaFormat format() {
    return SchemaFormat.AVRO;
  }

  @Override
  public List<Finding> incompatibilities(SourceDocument writer, SourceDocument reader, Side newSide) {
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(newSide, "newSide");
    return new Comparison(SchemaIndex.of(reader), SchemaIndex.of(writer), newSide).run();
  }
}
