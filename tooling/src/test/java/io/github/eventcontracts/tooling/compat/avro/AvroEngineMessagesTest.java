package io.github.eventcontracts.tooling.compat.avro;

import static io.github.eventcontracts.tooling.compat.avro.AvroTestFiles.OLD;
import static io.github.eventcontracts.tooling.compat.avro.AvroTestFiles.backward;
import static io.github.eventcontracts.tooling.compat.avro.AvroTestFiles.doc;
import static io.github.eventcontracts.tooling.compat.avro.AvroTestFiles.forward;
import static io.github.eventcontracts.tooling.compat.avro.AvroTestFiles.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.tooling.compat.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What findings say: what changed from what to what, who it breaks, and the fix. */
class AvroEngineMessagesTest {
  private static final String BREAKS_NEW = "consumers using the new schema cannot read data written with the old one";
  private static final String BREAKS_OLD = "consumers still on the old schema cannot read data written with the new one";

  private static String record(String fields) {
    return "{\"type\": \"record\", \"name\": \"E\", \"namespace\": \"x\", \"fields\": [" + fields + "]}";
  }

  @Test
  void theEngineIsTheAvroOne() {
    assertEquals(SchemaFormat.AVRO, new AvroEngine().format());
  }

  @Test
  void aTypeChangeSaysFromWhatToWhatAndWhoItBreaks() {
    String previous = record("{\"name\": \"n\", \"type\": \"int\"}");
    String current = record("{\"name\": \"n\", \"type\": \"long\"}");
    assertEquals(List.of(), backward(previous, current), "int to long is a promotion");
    Finding f = single(forward(previous, current));
    assertEquals("AVRO_TYPE_MISMATCH", f.ruleId());
    assertTrue(f.message().startsWith("the type of 'n' changed from int to long"), f::toString);
    assertTrue(f.message().endsWith(BREAKS_OLD), f::toString);
    assertTrue(f.hint().contains("new field"), f::toString);
  }

  @Test
  void anAddedFieldAsksForADefault() {
    Finding f = single(backward(record("{\"name\": \"a\", \"type\": \"string\"}"),
        record("{\"name\": \"a\", \"type\": \"string\"}, {\"name\": \"b\", \"type\": \"int\"}")));
    assertEquals("AVRO_READER_FIELD_MISSING_DEFAULT_VALUE", f.ruleId());
    assertTrue(f.message().startsWith("field 'b' was added without a default"), f::toString);
    assertTrue(f.message().endsWith(BREAKS_NEW), f::toString);
    assertTrue(f.hint().startsWith("give the new field a default"), f::toString);
  }

  @Test
  void aRenameWithoutAliasSuggestsTheAlias() {
    Finding f = single(backward(record("{\"name\": \"count\", \"type\": \"int\"}"),
        record("{\"name\": \"total\", \"type\": \"int\"}")));
    assertTrue(f.hint().contains("if it renames 'count', add the old name to the field's \"aliases\""), f::toString);
  }

  @Test
  void aRemovedFieldIsReportedInTheOldFile() {
    Finding f = single(forward(record("{\"name\": \"a\", \"type\": \"string\"}, {\"name\": \"b\", \"type\": \"int\"}"),
        record("{\"name\": \"a\", \"type\": \"string\"}")));
    assertEquals(OLD, f.file());
    assertTrue(f.message().startsWith("field 'b' was removed, but the old schema has no default for it"), f::toString);
    assertTrue(f.message().endsWith(BREAKS_OLD), f::toString);
  }

  @Test
  void enumFindingsNameTheSymbolsAndTheFix() {
    String abc = record("{\"name\": \"s\", \"type\": {\"type\": \"enum\", \"name\": \"S\", \"symbols\": [\"A\", \"B\", \"C\"]}}");
    String ab = record("{\"name\": \"s\", \"type\": {\"type\": \"enum\", \"name\": \"S\", \"symbols\": [\"A\", \"B\"]}}");
    Finding removed = single(backward(abc, ab));
    assertTrue(removed.message().startsWith("enum S at 's' no longer has the symbol C"), removed::toString);
    assertEquals("add the symbol back, or give the enum a default symbol (\"default\": \"...\") that replaces unknown ones",
        removed.hint());
    Finding added = single(forward(ab, abc));
    assertTrue(added.message().startsWith("enum S at 's' has the new symbol C"), added::toString);
    assertTrue(added.hint().contains("default symbol"), added::toString);
  }

  @Test
  void aLogicalTypeChangeIsIncompatibleBothWaysAndExplainsWhy() {
    String millis = record("{\"name\": \"at\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}}");
    String micros = record("{\"name\": \"at\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-micros\"}}");
    for (Finding f : List.of(single(backward(millis, micros)), single(forward(millis, micros)))) {
      assertEquals("AVRO_LOGICAL_TYPE_CHANGED", f.ruleId());
      assertTrue(f.message().startsWith(
          "the logical type of 'at' changed from timestamp-millis (long) to timestamp-micros (long)"), f::toString);
      assertTrue(f.message().contains("without any error but with another meaning"), f::toString);
    }
    Finding plain = single(backward(record("{\"name\": \"d\", \"type\": {\"type\": \"int\", \"logicalType\": \"date\"}}"),
        record("{\"name\": \"d\", \"type\": \"int\"}")));
    assertTrue(plain.message().startsWith("the logical type of 'd' changed from date (int) to none (plain int)"),
        plain::toString);
  }

  @Test
  void aFieldRenamedToAnEnumWithOnlyASymbolDefaultStillNeedsAFieldDefault() {
    // Avro compares such a field's enum with the whole writer record and says TYPE_MISMATCH
    Finding f = single(backward(record("{\"name\": \"a\", \"type\": \"string\"}"), record(
        "{\"name\": \"a\", \"type\": \"string\"}, {\"name\": \"e\", \"type\": "
            + "{\"type\": \"enum\", \"name\": \"En\", \"symbols\": [\"X\", \"Y\"], \"default\": \"X\"}}")));
    assertEquals("AVRO_READER_FIELD_MISSING_DEFAULT_VALUE", f.ruleId());
    assertTrue(f.message().contains("an enum's default symbol does not stand in for a missing field's default"),
        f::toString);
  }

  @Test
  void aNestedRecordChangeInsideAUnionIsReportedWithItsCause() {
    String previous = record("{\"name\": \"d\", \"type\": [\"null\", {\"type\": \"record\", \"name\": \"D\", \"fields\": ["
        + "{\"name\": \"a\", \"type\": \"string\"}]}], \"default\": null}");
    String current = record("{\"name\": \"d\", \"type\": [\"null\", {\"type\": \"record\", \"name\": \"D\", \"fields\": ["
        + "{\"name\": \"a\", \"type\": \"string\"}, {\"name\": \"b\", \"type\": \"int\"}]}], \"default\": null}");
    Finding f = single(backward(previous, current));
    assertEquals("AVRO_READER_FIELD_MISSING_DEFAULT_VALUE", f.ruleId());
    assertEquals("d.b", f.path());
  }

  @Test
  void anInvalidSchemaIsALocatedContractException() {
    String bad = "{\n  \"type\": \"record\",\n  \"name\": \"E\",\n  \"fields\": [{\"name\": \"a\", \"type\": \"Nope\"}]\n}\n";
    ContractException e = assertThrows(ContractException.class, () -> new AvroEngine().incompatibilities(
        doc(OLD, record("{\"name\": \"a\", \"type\": \"string\"}")), doc("new.avsc", bad), Side.READER));
    Finding f = e.findings().get(0);
    assertEquals("SCHEMA_INVALID", f.ruleId());
    assertEquals("new.avsc", f.file());
    assertEquals(4, f.line(), f::toString);
  }
}
