package io.github.eventcontracts.tooling.compat.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The logical type descriptors compared by the policy, and how it pairs union branches. */
class AvroLogicalTypePolicyTest {

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }

  @Test
  void describesLogicalTypesWithTheirParameters() {
    assertEquals("timestamp-millis", LogicalTypePolicy.logicalType(parse("{\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}")));
    assertEquals("decimal(10,2)", LogicalTypePolicy.logicalType(
        parse("{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 10, \"scale\": 2}")));
    assertEquals("decimal(9,0)", LogicalTypePolicy.logicalType(
        parse("{\"type\": \"bytes\", \"logicalType\": \"decimal\", \"precision\": 9}")), "scale defaults to 0");
    assertEquals("decimal(20,4)", LogicalTypePolicy.logicalType(parse(
        "{\"type\": \"fixed\", \"name\": \"F\", \"size\": 16, \"logicalType\": \"decimal\", \"precision\": 20, \"scale\": 4}")));
    assertNull(LogicalTypePolicy.logicalType(parse("\"long\"")));
  }

  @Test
  void keepsALogicalTypeAvroDoesNotKnowAsWritten() {
    Schema custom = parse("{\"type\": \"string\", \"logicalType\": \"skill-id\"}");
    assertNull(custom.getLogicalType(), "Avro ignores it");
    assertEquals("skill-id", LogicalTypePolicy.logicalType(custom));
  }

  @Test
  void picksTheReaderBranchAvroResolvesTo() {
    Schema union = parse("[\"null\", \"long\", {\"type\": \"record\", \"name\": \"R\", \"aliases\": [\"Old\"], \"fields\": []}]");
    assertEquals(1, LogicalTypePolicy.readerBranchFor(union, parse("\"long\"")));
    assertEquals(1, LogicalTypePolicy.readerBranchFor(union, parse("\"int\"")), "int is promoted to long");
    assertEquals(2, LogicalTypePolicy.readerBranchFor(union, parse("{\"type\": \"record\", \"name\": \"Old\", \"fields\": []}")),
        "by the reader's alias");
    assertEquals(-1, LogicalTypePolicy.readerBranchFor(union, parse("{\"type\": \"record\", \"name\": \"Other\", \"fields\": []}")),
        "a record of another name has no counterpart");
    assertEquals(-1, LogicalTypePolicy.readerBranchFor(union, parse("\"string\"")));
  }

  @Test
  void knowsAvrosPromotions() {
    assertTrue(LogicalTypePolicy.promotes(Schema.Type.DOUBLE, Schema.Type.INT));
    assertTrue(LogicalTypePolicy.promotes(Schema.Type.BYTES, Schema.Type.STRING));
    assertTrue(LogicalTypePolicy.promotes(Schema.Type.STRING, Schema.Type.BYTES));
    assertFalse(LogicalTypePolicy.promotes(Schema.Type.INT, Schema.Type.LONG));
    assertFalse(LogicalTypePolicy.promotes(Schema.Type.FLOAT, Schema.Type.DOUBLE));
  }
}
