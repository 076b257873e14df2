package io.github.eventcontracts.tooling.compat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.Side;
import io.github.eventcontracts.tooling.compat.json.Difference.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where findings point, how their paths read, and what their messages say, per direction. */
class JsonSchemaEngineTest {
  private final JsonSchemaEngine engine = new JsonSchemaEngine(JsonCompatPolicy.STRICT);

  private static final String OLD = """
      {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "data": {
            "type": "object",
            "additionalProperties": false,
            "required": ["name", "category"],
            "properties": {
              "name": {"type": "string", "maxLength": 20},
              "category": {"type": "string"}
            }
          }
        }
      }
      """;

  private static final String NEW = """
      {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "data": {
            "type": "object",
            "additionalProperties": false,
            "required": ["name", "level"],
            "properties": {
              "name": {"type": "string", "maxLength": 10},
              "level": {"type": "integer"}
            }
          }
        }
      }
      """;

  private static SourceDocument doc(String file, String text) {
    return SourceDocument.parse(file, text);
  }

  private static Finding only(List<Finding> findings, String ruleId) {
    List<Finding> matching = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    assertEquals(1, matching.size(), () -> ruleId + " in " + findings);
    return matching.get(0);
  }

  @Test
  void backwardFindingsPointIntoTheNewDocumentAndRemovalsIntoTheOld() {
    List<Finding> found = engine.incompatibilities(doc("old.json", OLD), doc("new.json", NEW), Side.READER);

    Finding added = only(found, "JSON_REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL");
    assertEquals(List.of("new.json", 11, 9, "data.level"), List.of(added.file(), added.line(), added.column(), added.path()));
    assertTrue(added.message().startsWith("required property 'level' was added"), added.message());
    assertTrue(added.message().endsWith("consumers using the new schema cannot read data written with the old one"));
    assertEquals("make the new property optional (leave it out of required); a default does not help: validators "
        + "never apply defaults, so data without it is still rejected", added.hint());

    Finding narrowed = only(found, "JSON_MAX_LENGTH_DECREASED");
    assertEquals(List.of("new.json", 10, 36, "data.name"),
        List.of(narrowed.file(), narrowed.line(), narrowed.column(), narrowed.path()));
    assertTrue(narrowed.message().startsWith("maxLength changed from 20 to 10"), narrowed.message());
    assertEquals("widen maxLength back to 20 or higher", narrowed.hint());

    Finding removed = only(found, "JSON_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL");
    assertEquals(List.of("old.json", 11, 9, "data.category"),
        List.of(removed.file(), removed.line(), removed.column(), removed.path()));
    assertEquals(3, found.size(), found::toString);
  }

  @Test
  void forwardFindingsAreWordedForOldConsumersAndStillLocatedByWhatExistsWhere() {
    List<Finding> found = engine.incompatibilities(doc("new.json", NEW), doc("old.json", OLD), Side.WRITER);

    Finding added = only(found, "JSON_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL");
    assertEquals(List.of("new.json", 11, 9, "data.level"), List.of(added.file(), added.line(), added.column(), added.path()));
    assertTrue(added.message().startsWith("property 'level' was added, but the old schema's object is closed"),
        added.message());
    assertTrue(added.message().endsWith("consumers still on the old schema cannot read data written with the new one"));

    Finding removed = only(found, "JSON_REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL");
    assertEquals(List.of("old.json", 11, 9, "data.category"),
        List.of(removed.file(), removed.line(), removed.column(), removed.path()));
    assertTrue(removed.message().startsWith("required property 'category' was removed"), removed.message());
    assertEquals("keep 'category' in the new schema (deprecate it instead of removing it)", removed.hint());
    assertEquals(2, found.size(), found::toString);
  }

  @Test
  void aChangeInsideDefsIsLocatedAtTheDefinitionAndNamedByEachReferringProperty() {
    String template = """
        {
          "type": "object",
          "properties": {
            "billing": {"$ref": "#/$defs/Address"},
            "shipping": {"$ref": "#/$defs/Address"}
          },
          "$defs": {
            "Address": {
              "type": "object",
              "properties": {
                "city": {"type": "string", "maxLength": %d}
              }
            }
          }
        }
        """;
    List<Finding> found = engine.incompatibilities(doc("old.json", template.formatted(50)),
        doc("new.json", template.formatted(20)), Side.READER);

    assertEquals(List.of("billing.city", "shipping.city"), found.stream().map(Finding::path).toList());
    for (Finding f : found) {
      assertEquals(List.of("JSON_MAX_LENGTH_DECREASED", "new.json", 11, 36), List.of(f.ruleId(), f.file(), f.line(), f.column()));
    }
  }

  @Test
  void arrayItemsAndCombinedBranchesHaveTheirOwnPathSegments() {
    String old = """
        {"type": "object", "properties": {
          "files": {"type": "array", "items": {"type": "object", "properties": {"size": {"type": "integer"}}}},
          "status": {"oneOf": [{"type": "string"}, {"type": "integer"}]}
        }}
        """;
    String widened = old.replace("\"size\": {\"type\": \"integer\"}", "\"size\": {\"type\": \"string\"}")
        .replace("{\"type\": \"integer\"}]", "{\"type\": \"number\"}]");
    List<Difference> diffs = engine.differences(doc("old.json", old), doc("new.json", widened));

    assertEquals(List.of("TYPE_CHANGED files[].size", "TYPE_EXTENDED status.oneOf[1]"),
        diffs.stream().map(d -> d.type() + " " + d.path()).toList());
  }

  @Test
  void aBrokenBranchIsNamedByItsIndexAndExplainedByTheClosestBranch() {
    String old = """
        {"type": "object", "properties": {"status": {"oneOf": [
          {"type": "null"},
          {"type": "object", "properties": {"code": {"type": "string"}}, "additionalProperties": false}
        ]}}}
        """;
    String narrowed = old.replace("\"additionalProperties\": false}", "\"additionalProperties\": false, \"required\": [\"code\"]}");
    Finding f = only(engine.incompatibilities(doc("old.json", old), doc("new.json", narrowed), Side.READER),
        "JSON_COMBINED_TYPE_SUBSCHEMAS_CHANGED");

    assertEquals(List.of("status.oneOf[1]", "new.json", 3, 3), List.of(f.path(), f.file(), f.line(), f.column()));
    assertTrue(f.message().contains("JSON_REQUIRED_ATTRIBUTE_ADDED at status.oneOf[1].code"), f.message());
  }

  @Test
  void compatibleDifferencesAreListedButAreNotFindings() {
    SourceDocument a = doc("a.json", "{\"type\": \"string\", \"maxLength\": 5, \"title\": \"A\"}");
    SourceDocument b = doc("b.json", "{\"type\": \"string\", \"maxLength\": 9, \"title\": \"B\"}");

    assertEquals(List.of(Type.TITLE_CHANGED, Type.MAX_LENGTH_INCREASED),
        engine.differences(a, b).stream().map(Difference::type).toList());
    assertEquals(List.of(), engine.incompatibilities(a, b, Side.READER));
    assertEquals(SchemaFormat.JSON, engine.format());
  }

  @Test
  void thePolicyDecidesWhichDifferencesAreFindings() {
    SourceDocument open = doc("old.json", "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}");
    SourceDocument added = doc("new.json",
        "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}, \"b\": {\"type\": \"string\"}}}");

    assertEquals(List.of("JSON_OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"),
        engine.incompatibilities(open, added, Side.READER).stream().map(Finding::ruleId).toList());
    assertEquals(List.of(),
        new JsonSchemaEngine(JsonCompatPolicy.LENIENT).incompatibilities(open, added, Side.READER));
  }
}
