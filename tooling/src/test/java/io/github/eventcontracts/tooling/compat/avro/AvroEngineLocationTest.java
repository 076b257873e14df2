package io.github.eventcontracts.tooling.compat.avro;

import static io.github.eventcontracts.tooling.compat.avro.AvroTestFiles.NEW;
import static io.github.eventcontracts.tooling.compat.avro.AvroTestFiles.OLD;
import static io.github.eventcontracts.tooling.compat.avro.AvroTestFiles.assertAt;
import static io.github.eventcontracts.tooling.compat.avro.AvroTestFiles.backward;
import static io.github.eventcontracts.tooling.compat.avro.AvroTestFiles.forward;
import static io.github.eventcontracts.tooling.compat.avro.AvroTestFiles.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where findings point: the node in the file as written (new file, or the old file for removals), with
 * the path by field names, across compact and expanded layouts, named-type references and unions.
 */
class AvroEngineLocationTest {

  /** A realistic event, laid out by hand: types written inline, as objects, as references. */
  private static final String PREVIOUS = """
      {
        "type": "record",
        "name": "SkillCreated",
        "namespace": "io.github.eventcontracts.events",
        "fields": [
          {"name": "event_id", "type": {"type": "string", "logicalType": "uuid"}},
          {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-millis"}},
          {
            "name": "data",
            "type": {
              "type": "record",
              "name": "SkillCreatedData",
              "fields": [
                {"name": "skill_id", "type": "string"},
                {"name": "level", "type": {"type": "enum", "name": "Level", "symbols": ["LOW", "MID", "HIGH"]}},
                {"name": "files", "type": {"type": "array", "items": "string"}},
                {"name": "tags", "type": {"type": "map", "values": "int"}},
                {"name": "kind", "type": ["null", "string", "int"], "default": null},
                {"name": "digest", "type": {"type": "fixed", "name": "Digest", "size": 16}},
                {"name": "count", "type": "int"}
              ]
            }
          }
        ]
      }
      """;

  /**
   * The same event with one change per field: a new required field, a removed symbol, changed array
   * items and map values, a removed union branch, a resized fixed, a removed field, timestamps in micros.
   */
  private static final String CURRENT = """
      {
        "type": "record",
        "name": "SkillCreated",
        "namespace": "io.github.eventcontracts.events",
        "fields": [
          {"name": "event_id", "type": {"type": "string", "logicalType": "uuid"}},
          {"name": "timestamp", "type": {"type": "long", "logicalType": "timestamp-micros"}},
          {
            "name": "data",
            "type": {
              "type": "record",
              "name": "SkillCreatedData",
              "fields": [
                {"name": "skill_id", "type": "string"},
                {"name": "level", "type": {"type": "enum", "name": "Level", "symbols": ["LOW", "HIGH"]}},
                {"name": "files", "type": {"type": "array", "items": "boolean"}},
                {"name": "tags", "type": {"type": "map", "values": "string"}},
                {"name": "kind", "type": ["null", "string"], "default": null},
                {"name": "digest", "type": {"type": "fixed", "name": "Digest", "size": 32}},
                {"name": "owner", "type": "string"}
              ]
            }
          }
        ]
      }
      """;

  @Test
  void backwardFindingsPointIntoTheNewFileExceptRemovals() {
    List<Finding> found = backward(PREVIOUS, CURRENT);
    assertEquals(7, found.size(), found::toString);
    assertAt(find(found, "AVRO_LOGICAL_TYPE_CHANGED"), "AVRO_LOGICAL_TYPE_CHANGED", NEW, CURRENT,
        "\"logicalType\": \"timestamp-micros\"", "timestamp");
    // a removed symbol: at the symbol in the old file
    assertAt(find(found, "AVRO_MISSING_ENUM_SYMBOLS"), "AVRO_MISSING_ENUM_SYMBOLS", OLD, PREVIOUS,
        "\"MID\"", "data.level");
    assertAt(find(found, "data.files[]"), "AVRO_TYPE_MISMATCH", NEW, CURRENT, "\"items\": \"boolean\"", "data.files[]");
    assertAt(find(found, "data.tags{}"), "AVRO_TYPE_MISMATCH", NEW, CURRENT, "\"values\": \"string\"", "data.tags{}");
    // a removed union branch: at the branch in the old file
    assertAt(find(found, "AVRO_MISSING_UNION_BRANCH"), "AVRO_MISSING_UNION_BRANCH", OLD, PREVIOUS,
        "\"int\"], \"default\"", "data.kind");
    assertAt(find(found, "AVRO_FIXED_SIZE_MISMATCH"), "AVRO_FIXED_SIZE_MISMATCH", NEW, CURRENT, "\"size\": 32",
        "data.digest");
    // an added field: at its name in the new file
    assertAt(find(found, "AVRO_READER_FIELD_MISSING_DEFAULT_VALUE"), "AVRO_READER_FIELD_MISSING_DEFAULT_VALUE", NEW,
        CURRENT, "\"name\": \"owner\"", "data.owner");
  }

  @Test
  void forwardFindingsPointIntoTheNewFileExceptRemovedFields() {
    List<Finding> found = forward(PREVIOUS, CURRENT);
    // the removed symbol and union branch do not matter to old consumers, who know them
    assertEquals(5, found.size(), found::toString);
    assertAt(find(found, "AVRO_LOGICAL_TYPE_CHANGED"), "AVRO_LOGICAL_TYPE_CHANGED", NEW, CURRENT,
        "\"logicalType\": \"timestamp-micros\"", "timestamp");
    assertAt(find(found, "data.files[]"), "AVRO_TYPE_MISMATCH", NEW, CURRENT, "\"items\": \"boolean\"", "data.files[]");
    assertAt(find(found, "data.tags{}"), "AVRO_TYPE_MISMATCH", NEW, CURRENT, "\"values\": \"string\"", "data.tags{}");
    assertAt(find(found, "AVRO_FIXED_SIZE_MISMATCH"), "AVRO_FIXED_SIZE_MISMATCH", NEW, CURRENT, "\"size\": 32",
        "data.digest");
    // old consumers need 'count', which the new schema dropped: at the field in the OLD file
    assertAt(find(found, "AVRO_READER_FIELD_MISSING_DEFAULT_VALUE"), "AVRO_READER_FIELD_MISSING_DEFAULT_VALUE", OLD,
        PREVIOUS, "\"name\": \"count\"", "data.count");
    // 'owner' replaced 'count': the message suggests it may be a rename
    assertTrue(find(found, "AVRO_READER_FIELD_MISSING_DEFAULT_VALUE").message().contains("'owner'"));
  }

  @Test
  void anAddedSymbolPointsAtItInTheNewFile() {
    String previous = """
        {"type": "record", "name": "E", "fields": [
          {"name": "level", "type": {"type": "enum", "name": "Level", "symbols": ["LOW", "HIGH"]}}
        ]}
        """;
    String current = """
        {"type": "record", "name": "E", "fields": [
          {"name": "level", "type": {"type": "enum", "name": "Level", "symbols": ["LOW", "HIGH", "URGENT", "NOW"]}}
        ]}
        """;
    Finding f = single(forward(previous, current));
    assertAt(f, "AVRO_MISSING_ENUM_SYMBOLS", NEW, current, "\"URGENT\"", "level");
    assertTrue(f.message().contains("URGENT and NOW"), f::toString);
  }

  @Test
  void anAddedUnionBranchPointsAtItInTheNewFile() {
    String previous = """
        {"type": "record", "name": "E", "fields": [{"name": "v", "type": ["null", "string"]}]}
        """;
    String current = """
        {"type": "record", "name": "E", "fields": [
          {"name": "v", "type": [
            "null",
            "string",
            {"type": "array", "items": "string"}
          ]}
        ]}
        """;
    assertAt(single(forward(previous, current)), "AVRO_MISSING_UNION_BRANCH", NEW, current, "{\"type\": \"array\"", "v");
  }

  @Test
  void aChangeInsideANamedTypeIsReportedOnceAtItsDefinition() {
    String previous = """
        {"type": "record", "name": "Order", "namespace": "shop", "fields": [
          {"name": "billing", "type": {"type": "record", "name": "Address", "fields": [
            {"name": "zip", "type": "int"}
          ]}},
          {"name": "shipping", "type": "Address"},
          {"name": "returns", "type": {"type": "array", "items": "shop.Address"}}
        ]}
        """;
    String current = """
        {"type": "record", "name": "Order", "namespace": "shop", "fields": [
          {"name": "billing", "type": {"type": "record", "name": "Address", "fields": [
            {"name": "zip", "type": "string"}
          ]}},
          {"name": "shipping", "type": "Address"},
          {"name": "returns", "type": {"type": "array", "items": "shop.Address"}}
        ]}
        """;
    assertAt(single(backward(previous, current)), "AVRO_TYPE_MISMATCH", NEW, current, "\"type\": \"string\"",
        "billing.zip");
    assertAt(single(forward(previous, current)), "AVRO_TYPE_MISMATCH", NEW, current, "\"type\": \"string\"",
        "billing.zip");
  }

  @Test
  void aNamedTypeMovedToAnotherFieldIsLocatedWhereItIsNowDefined() {
    // the old file defines Hash in 'digest' and refers to it from items[].h; the new one defines it in h
    String previous = """
        {"type": "record", "name": "E", "fields": [
          {"name": "digest", "type": {"type": "fixed", "name": "Hash", "size": 16}},
          {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [
            {"name": "h", "type": "Hash"}
          ]}}}
        ]}
        """;
    String current = """
        {"type": "record", "name": "E", "fields": [
          {"name": "digest", "type": "bytes"},
          {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [
            {"name": "h", "type": {"type": "fixed", "name": "Hash", "size": 20}}
          ]}}}
        ]}
        """;
    List<Finding> found = backward(previous, current);
    assertEquals(2, found.size(), found::toString);
    assertAt(find(found, "AVRO_TYPE_MISMATCH"), "AVRO_TYPE_MISMATCH", NEW, current, "\"type\": \"bytes\"", "digest");
    assertAt(find(found, "AVRO_FIXED_SIZE_MISMATCH"), "AVRO_FIXED_SIZE_MISMATCH", NEW, current, "\"size\": 20",
        "items[].h");
  }

  @Test
  void aFieldSwitchedToAnotherNamedTypePointsAtTheReference() {
    String previous = """
        {"type": "record", "name": "E", "fields": [
          {"name": "a", "type": {"type": "enum", "name": "Color", "symbols": ["RED"]}},
          {"name": "b", "type": {"type": "enum", "name": "Shade", "symbols": ["RED"]}},
          {"name": "c", "type": "Color"}
        ]}
        """;
    String current = """
        {"type": "record", "name": "E", "fields": [
          {"name": "a", "type": {"type": "enum", "name": "Color", "symbols": ["RED"]}},
          {"name": "b", "type": {"type": "enum", "name": "Shade", "symbols": ["RED"]}},
          {"name": "c", "type": "Shade"}
        ]}
        """;
    Finding f = single(backward(previous, current));
    assertAt(f, "AVRO_NAME_MISMATCH", NEW, current, "\"type\": \"Shade\"", "c");
    assertTrue(f.message().contains("from enum Color to enum Shade"), f::toString);
  }

  @Test
  void avroReusingAResultWithAPathFromAnotherRouteIsStillLocated() {
    // Avro checks the nullable 'billing' branch with a fresh path and later reuses that result for
    // 'shipping', whose path then reads "/fields/0/type" from the wrong root (see AvroIncompatibilityLocatorTest)
    String previous = """
        {"type": "record", "name": "Order", "fields": [
          {"name": "billing", "type": ["null", {"type": "record", "name": "Address", "fields": [
            {"name": "zip", "type": "int"}
          ]}], "default": null},
          {"name": "shipping", "type": "Address"}
        ]}
        """;
    String current = previous.replace("\"type\": \"int\"", "\"type\": \"boolean\"");
    assertAt(single(backward(previous, current)), "AVRO_TYPE_MISMATCH", NEW, current, "\"type\": \"boolean\"",
        "billing.zip");
  }

  @Test
  void narrowingAUnionIsOneFindingAtTheNewTypeWithEveryUnreadableBranch() {
    String previous = """
        {"type": "record", "name": "E", "fields": [{"name": "v", "type": ["null", "string", "int"], "default": null}]}
        """;
    String current = """
        {"type": "record", "name": "E", "fields": [{"name": "v", "type": "string"}]}
        """;
    Finding f = single(backward(previous, current));
    assertAt(f, "AVRO_TYPE_MISMATCH", NEW, current, "\"type\": \"string\"", "v");
    assertTrue(f.message().contains("null values cannot be read as string")
        && f.message().contains("int values cannot be read as string"), f::toString);
  }

  @Test
  void anAmbiguousAliasPointsAtTheAliases() {
    String previous = """
        {"type": "record", "name": "E", "fields": [{"name": "id", "type": "string"}, {"name": "key", "type": "string"}]}
        """;
    String current = """
        {"type": "record", "name": "E", "fields": [{"name": "id", "type": "string", "aliases": ["key"]}]}
        """;
    assertAt(single(backward(previous, current)), "AVRO_FIELD_ALIAS_AMBIGUOUS", NEW, current, "\"aliases\"", "id");
  }

  @Test
  void aTopLevelTypeOtherThanARecordIsLocatedAtTheRoot() {
    String previous = """
        {"type": "array", "items": "int"}
        """;
    String current = """
        {"type": "array",
         "items": "string"}
        """;
    assertAt(single(backward(previous, current)), "AVRO_TYPE_MISMATCH", NEW, current, "\"items\"", "[]");
  }

  private static Finding find(List<Finding> findings, String ruleOrPath) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleOrPath) || f.path().equals(ruleOrPath)).findFirst()
        .orElseThrow(() -> new AssertionError("no finding " + ruleOrPath + " in " + findings));
  }
}
