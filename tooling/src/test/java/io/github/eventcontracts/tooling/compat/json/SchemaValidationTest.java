package io.github.eventcontracts.tooling.compat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents that are not schemas the engine can compare are rejected with located SCHEMA_INVALID findings. */
class SchemaValidationTest {
  private static final SourceDocument VALID = SourceDocument.parse("valid.json", "{\"type\": \"string\"}");
  private final JsonSchemaEngine engine = new JsonSchemaEngine(JsonCompatPolicy.STRICT);

  private List<Finding> problems(String text) {
    SourceDocument bad = SourceDocument.parse("bad.json", text);
    ContractException e = assertThrows(ContractException.class, () -> engine.incompatibilities(VALID, bad, Side.READER));
    e.findings().forEach(f -> assertEquals("SCHEMA_INVALID", f.ruleId(), f.toString()));
    return e.findings();
  }

  private Finding problem(String text) {
    List<Finding> found = problems(text);
    assertEquals(1, found.size(), found::toString);
    return found.get(0);
  }

  @Test
  void aTypeThatIsNotATypeNameIsLocatedAtTheKeyword() {
    Finding f = problem("{\n  \"type\": \"object\",\n  \"properties\": {\n    \"n\": {\"type\": 5}\n  }\n}");
    assertEquals(List.of("bad.json", 4, 11, "n.type"), List.of(f.file(), f.line(), f.column(), f.path()));
    assertTrue(f.message().contains("not 5"), f.message());
  }

  @Test
  void anUnresolvableRefIsLocatedAtTheRef() {
    Finding f = problem("{\"properties\": {\"a\": {\"$ref\": \"#/$defs/Missing\"}}}");
    assertEquals("/properties/a/$ref", pointerOf(f, "{\"properties\": {\"a\": {\"$ref\": \"#/$defs/Missing\"}}}"));
    assertTrue(f.message().contains("points to nothing"), f.message());
  }

  @Test
  void remoteAndAnchorRefsAreNotSupported() {
    assertTrue(problem("{\"$ref\": \"https://example.com/schema.json\"}").message().contains("outside this document"));
    assertTrue(problem("{\"$ref\": \"#address\", \"$defs\": {\"a\": {\"$anchor\": \"address\"}}}").message()
        .contains("anchor"));
  }

  @Test
  void aRefChainThatLoopsIsRejectedInsteadOfFollowedForever() {
    Finding f = problem("{\"$ref\": \"#/$defs/A\", \"$defs\": {\"A\": {\"$ref\": \"#/$defs/B\"}, \"B\": {\"$ref\": \"#/$defs/A\"}}}");
    assertEquals("circular $ref: #/$defs/A -> #/$defs/B -> #/$defs/A", f.message());
    assertEquals(List.of(1, 39), List.of(f.line(), f.column()));
  }

  @Test
  void anUnusedDefinitionIsCheckedToo() {
    Finding f = problem("{\"type\": \"string\", \"$defs\": {\"Unused\": {\"minLength\": -1}}}");
    assertTrue(f.message().contains("non-negative integer"), f.message());
  }

  @Test
  void keywordValuesOfTheWrongShapeAreEachReported() {
    List<Finding> found = problems("""
        {"type": "object",
         "required": "name",
         "properties": {"a": {"pattern": "([a-z"}, "b": {"multipleOf": 0}, "c": {"enum": []}, "d": 7},
         "allOf": []}
        """);
    assertEquals(List.of("d", "required", "allOf", "a.pattern", "b.multipleOf", "c.enum"),
        found.stream().map(Finding::path).toList());
  }

  @Test
  void onlyTheThreeSupportedDraftsAreRead() {
    Finding f = problem("{\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"string\"}");
    assertEquals(List.of(1, 2), List.of(f.line(), f.column()));
    assertTrue(f.message().contains("unsupported $schema"), f.message());
  }

  @Test
  void draft2020WritesTuplesWithPrefixItems() {
    Finding f = problem("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"items\": [{\"type\": \"string\"}]}");
    assertTrue(f.message().contains("prefixItems"), f.message());
  }

  @Test
  void problemsOfBothDocumentsAreReportedTogether() {
    SourceDocument a = SourceDocument.parse("a.json", "{\"type\": \"text\"}");
    SourceDocument b = SourceDocument.parse("b.json", "{\"maxLength\": \"long\"}");
    ContractException e = assertThrows(ContractException.class, () -> engine.differences(a, b));
    assertEquals(List.of("a.json", "b.json"), e.findings().stream().map(Finding::file).toList());
  }

  private static String pointerOf(Finding f, String text) {
    SourceDocument d = SourceDocument.parse("x.json", text);
    for (String candidate : List.of("/properties/a/$ref", "/properties/a", "")) {
      if (d.position(candidate).line() == f.line() && d.position(candidate).column() == f.column()) {
        return candidate;
      }
    }
    return null;
  }
}
