package io.github.eventcontracts.tooling.compat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.json.Difference.Type;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recursive schemas terminate; the same keyword means different things in different drafts. */
class RecursionAndDraftsTest {
  private final JsonSchemaEngine engine = new JsonSchemaEngine(JsonCompatPolicy.STRICT);

  private List<String> differences(String original, String update) {
    return engine.differences(SourceDocument.parse("o.json", original), SourceDocument.parse("u.json", update))
        .stream().map(d -> d.type() + " " + d.path()).toList();
  }

  /** A tree whose nodes hold a oneOf of leaves and further nodes, as in an expression language. */
  private static String expressions(String leaf) {
    return """
        {"$ref": "#/$defs/Expr", "$defs": {
          "Expr": {"oneOf": [{"$ref": "#/$defs/Leaf"}, {"$ref": "#/$defs/Sum"}, {"$ref": "#/$defs/Product"}]},
          "Leaf": %s,
          "Sum": {"type": "object", "properties": {"terms": {"type": "array", "items": {"$ref": "#/$defs/Expr"}}}},
          "Product": {"type": "object", "properties": {"left": {"$ref": "#/$defs/Expr"}, "right": {"$ref": "#/$defs/Expr"}}}
        }}
        """.formatted(leaf);
  }

  @Test
  void recursiveOneOfsTerminateAndFindAChangeDeepInside() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      assertEquals(List.of(), differences(expressions("{\"type\": \"integer\"}"), expressions("{\"type\": \"integer\"}")));
      List<String> widened = differences(expressions("{\"type\": \"integer\"}"), expressions("{\"type\": \"number\"}"));
      assertEquals("TYPE_EXTENDED oneOf[0]", widened.get(0));
    });
  }

  @Test
  void aSelfReferenceThroughTheRootIsComparedOnce() {
    String tree = """
        {"type": "object", "properties": {"name": %s, "children": {"type": "array", "items": {"$ref": "#"}}}}
        """;
    assertEquals(List.of("MAX_LENGTH_ADDED name"),
        differences(tree.formatted("{\"type\": \"string\"}"), tree.formatted("{\"type\": \"string\", \"maxLength\": 5}")));
  }

  /**
   * In draft-07, prefixItems is not a keyword: it is not read as a tuple, but the engine does not model it either,
   * so a change to it is reported as one it cannot judge instead of being ignored.
   */
  @Test
  void prefixItemsIsATupleOnlyIn2020() {
    String draft7 = "{\"type\": \"array\", \"prefixItems\": [{\"type\": \"%s\"}]}";
    String draft2020 = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"array\", \"prefixItems\": [{\"type\": \"%s\"}]}";
    assertEquals(List.of("UNSUPPORTED_KEYWORD_CHANGED prefixItems"),
        differences(draft7.formatted("string"), draft7.formatted("integer")));
    assertEquals(List.of(), differences(draft7.formatted("string"), draft7.formatted("string")));
    assertEquals(List.of("TYPE_CHANGED [0]"), differences(draft2020.formatted("string"), draft2020.formatted("integer")));
  }

  @Test
  void dependentRequiredIsReadFrom2019AndDependenciesOnlyInDraft07() {
    String props = "\"type\": \"object\", \"properties\": {\"a\": {}, \"b\": {}}";
    String draft7 = "{" + props + ", \"dependentRequired\": {\"a\": [\"b\"]}}";
    String draft2019 = "{\"$schema\": \"https://json-schema.org/draft/2019-09/schema\", " + props
        + ", \"dependentRequired\": {\"a\": [\"b\"]}}";
    String plain2019 = "{\"$schema\": \"https://json-schema.org/draft/2019-09/schema\", " + props + "}";
    // not a draft-07 keyword, so not read as a dependency; but not ignored either
    assertEquals(List.of("UNSUPPORTED_KEYWORD_CHANGED dependentRequired"), differences("{" + props + "}", draft7));
    assertEquals(List.of("DEPENDENCY_ARRAY_ADDED dependencies.a"), differences(plain2019, draft2019));
  }

  @Test
  void draftUrisAreRecognisedWithOrWithoutFragmentAndOverHttpOrHttps() {
    for (String uri : List.of("http://json-schema.org/draft-07/schema#", "https://json-schema.org/draft-07/schema",
        "https://json-schema.org/draft/2020-12/schema#", "http://json-schema.org/draft/2019-09/schema")) {
      assertEquals(List.of(Type.MAX_LENGTH_DECREASED), engine.differences(
          SourceDocument.parse("o.json", "{\"$schema\": \"" + uri + "\", \"maxLength\": 5}"),
          SourceDocument.parse("u.json", "{\"$schema\": \"" + uri + "\", \"maxLength\": 4}"))
          .stream().map(Difference::type).toList(), uri);
    }
  }
}
