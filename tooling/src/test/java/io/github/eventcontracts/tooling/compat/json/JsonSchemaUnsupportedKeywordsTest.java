package io.github.eventcontracts.tooling.compat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.Side;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine fails closed: a keyword it does not model cannot change unnoticed. */
class JsonSchemaUnsupportedKeywordsTest {
  private static final String RULE = "JSON_UNSUPPORTED_KEYWORD_CHANGED";
  private static final String DRAFT_2020 = "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", ";
  private final JsonSchemaEngine strict = new JsonSchemaEngine(JsonCompatPolicy.STRICT);

  private static SourceDocument doc(String file, String text) {
    return SourceDocument.parse(file, text);
  }

  /** Rule ids of the BACKWARD check (the new schema reads data written with the old one). */
  private List<String> backward(JsonSchemaEngine engine, String old, String current) {
    return engine.incompatibilities(doc("old.json", old), doc("new.json", current), Side.READER).stream()
        .map(Finding::ruleId).toList();
  }

  /** Rule ids of the FORWARD check (the old schema reads data written with the new one). */
  private List<String> forward(JsonSchemaEngine engine, String old, String current) {
    return engine.incompatibilities(doc("new.json", current), doc("old.json", old), Side.WRITER).stream()
        .map(Finding::ruleId).toList();
  }

  private List<String> differences(String old, String current) {
    return strict.differences(doc("old.json", old), doc("new.json", current)).stream()
        .map(d -> d.type() + " " + d.path()).toList();
  }

  @Test
  void ifThenAddedIsIncompatibleBothWaysUnderBothPolicies() {
    String old = "{\"type\": \"object\", \"properties\": {\"a\": {}, \"b\": {}}}";
    String current = "{\"type\": \"object\", \"properties\": {\"a\": {}, \"b\": {}},"
        + " \"if\": {\"required\": [\"a\"]}, \"then\": {\"required\": [\"b\"]}}";
    for (JsonCompatPolicy policy : JsonCompatPolicy.values()) {
      JsonSchemaEngine engine = new JsonSchemaEngine(policy);
      assertEquals(List.of(RULE, RULE), backward(engine, old, current), policy.name());
      assertEquals(List.of(RULE, RULE), forward(engine, old, current), policy.name());
    }
  }

  @Test
  void anAddedKeywordIsLocatedInTheNewFileAndARemovedOneInTheOld() {
    String old = "{\n  \"type\": \"array\",\n  \"contains\": {\"type\": \"string\"}\n}";
    String current = "{\n  \"type\": \"array\",\n  \"propertyNames\": {\"maxLength\": 3}\n}";
    List<Finding> found = strict.incompatibilities(doc("old.json", old), doc("new.json", current), Side.READER);
    assertEquals(2, found.size(), found::toString);
    Finding removed = found.stream().filter(f -> f.path().equals("contains")).findFirst().orElseThrow();
    assertEquals(List.of("old.json", 3, 3), List.of(removed.file(), removed.line(), removed.column()));
    assertTrue(removed.message().startsWith("keyword 'contains' was removed: the compatibility check does not model"
        + " 'contains' and cannot judge"), removed.message());
    assertTrue(removed.message().endsWith("consumers using the new schema may be unable to read data written with"
        + " the old one"), removed.message());
    Finding added = found.stream().filter(f -> f.path().equals("propertyNames")).findFirst().orElseThrow();
    assertEquals(List.of("new.json", 3, 3), List.of(added.file(), added.line(), added.column()));
    assertTrue(added.message().startsWith("keyword 'propertyNames' was added"), added.message());
    assertTrue(added.hint().startsWith("make this change in a separate step reviewed by hand"), added.hint());
    assertTrue(added.hint().endsWith("or do not change 'propertyNames'"), added.hint());

    Finding forward = strict.incompatibilities(doc("new.json", current), doc("old.json", old), Side.WRITER).stream()
        .filter(f -> f.path().equals("contains")).findFirst().orElseThrow();
    assertEquals(List.of("old.json", 3, 3), List.of(forward.file(), forward.line(), forward.column()));
    assertTrue(forward.message().endsWith("consumers still on the old schema may be unable to read data written with"
        + " the new one"), forward.message());
  }

  @Test
  void aChangedValueIsLocatedInTheNewFileAndNamed() {
    Finding f = strict.incompatibilities(doc("old.json", "{\"type\": \"string\", \"format\": \"email\"}"),
        doc("new.json", "{\"type\": \"string\",\n \"format\": \"uuid\"}"), Side.READER).get(0);
    assertEquals(List.of(RULE, "new.json", 2, 2, "format"), List.of(f.ruleId(), f.file(), f.line(), f.column(), f.path()));
    assertTrue(f.message().startsWith("keyword 'format' changed from \"email\" to \"uuid\""), f.message());
  }

  @Test
  void aChangeBehindARefInsideAnUnmodelledKeywordIsFound() {
    String template = "{\"type\": \"array\", \"contains\": {\"$ref\": \"#/$defs/Item\"},"
        + " \"$defs\": {\"Item\": {\"type\": \"string\", \"maxLength\": %d, \"description\": \"%s\"}}}";
    assertEquals(List.of("UNSUPPORTED_KEYWORD_CHANGED contains"),
        differences(template.formatted(5, "x"), template.formatted(3, "x")));
    // an annotation inside the referenced schema is not a change the engine needs to judge
    assertEquals(List.of(), differences(template.formatted(5, "x"), template.formatted(5, "y")));
  }

  @Test
  void aDynamicRefIsComparedWithEverySchemaItsAnchorMayResolveTo() {
    String template = "{" + DRAFT_2020 + "\"$dynamicAnchor\": \"node\", \"type\": \"object\", \"properties\": {"
        + "\"children\": {\"type\": \"array\", \"items\": {\"$dynamicRef\": \"#node\"}}, \"name\": {\"maxLength\": %d}}}";
    assertEquals(List.of(), differences(template.formatted(5), template.formatted(5)));
    List<String> changed = differences(template.formatted(5), template.formatted(3));
    assertTrue(changed.contains("UNSUPPORTED_KEYWORD_CHANGED children[].$dynamicRef"), changed::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"title\": \"T\"", "\"description\": \"D\"", "\"$comment\": \"C\"", "\"examples\": [\"x\"]",
      "\"default\": \"x\"", "\"deprecated\": true", "\"readOnly\": true", "\"writeOnly\": true",
      "\"contentMediaType\": \"text/plain\"", "\"contentEncoding\": \"base64\"", "\"contentSchema\": {\"type\": \"object\"}",
      "\"x-java-type\": \"java.lang.String\"", "\"$anchor\": \"name\""})
  void annotationsNeverTriggerIt(String annotation) {
    String old = "{" + DRAFT_2020 + "\"type\": \"string\"}";
    String current = "{" + DRAFT_2020 + "\"type\": \"string\", " + annotation + "}";
    for (JsonCompatPolicy policy : JsonCompatPolicy.values()) {
      JsonSchemaEngine engine = new JsonSchemaEngine(policy);
      assertEquals(List.of(), backward(engine, old, current), annotation);
      assertEquals(List.of(), forward(engine, old, current), annotation);
    }
  }

  @Test
  void anUnchangedUnmodelledKeywordIsNoChange() {
    String template = "{\"type\": \"object\", \"if\": {\"required\": [\"a\"]}, \"then\": {\"required\": [\"b\"]},"
        + " \"properties\": {\"a\": {\"maxLength\": %d}}}";
    assertEquals(List.of("MAX_LENGTH_INCREASED a"), differences(template.formatted(3), template.formatted(5)));
  }

  @Test
  void unmodelledKeywordsBesideARefAreComparedFrom2019() {
    String template = "{" + DRAFT_2020 + "\"properties\": {\"a\": {\"$ref\": \"#/$defs/S\"%s}},"
        + " \"$defs\": {\"S\": {\"type\": \"string\"}}}";
    assertEquals(List.of("UNSUPPORTED_KEYWORD_CHANGED a.format"),
        differences(template.formatted(""), template.formatted(", \"format\": \"uuid\"")));
    // the $ref is looked through: the same keyword written inline instead is no change
    String inline = "{" + DRAFT_2020 + "\"properties\": {\"a\": {\"type\": \"string\", \"format\": \"uuid\"}}}";
    assertEquals(List.of(), differences(template.formatted(", \"format\": \"uuid\""), inline));
  }

  @Test
  void keywordsBesideARefStayIgnoredInDraft07AsTheDraftSays() {
    String template = "{\"properties\": {\"a\": {\"$ref\": \"#/definitions/S\"%s}},"
        + " \"definitions\": {\"S\": {\"type\": \"string\"}}}";
    assertEquals(List.of(), differences(template.formatted(""), template.formatted(", \"format\": \"uuid\"")));
  }

  @Test
  void aWriterThatWritesNothingOrAReaderThatAcceptsAnythingNeedsNoJudgement() {
    assertEquals(List.of(), differences("{\"properties\": {\"a\": false}}",
        "{\"properties\": {\"a\": {\"if\": {\"type\": \"string\"}, \"then\": {\"maxLength\": 3}}}}"));
    assertEquals(List.of(), differences("{\"properties\": {\"a\": {\"propertyNames\": {\"maxLength\": 3}}}}",
        "{\"properties\": {\"a\": true}}"));
  }

  @Test
  void aChangeBesideUnevaluatedPropertiesAndAllOfCarriesItsCauses() {
    String template = "{" + DRAFT_2020 + "\"allOf\": [{\"properties\": {%s}}], \"unevaluatedProperties\": false}";
    List<Finding> found = strict.incompatibilities(doc("old.json", template.formatted("\"a\": {}, \"b\": {}")),
        doc("new.json", template.formatted("\"a\": {}")), Side.READER);
    assertEquals(List.of(RULE), found.stream().map(Finding::ruleId).toList());
    Finding f = found.get(0);
    assertEquals("unevaluatedProperties", f.path());
    assertTrue(f.message().contains("JSON_PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL at allOf[0].b"), f.message());
    assertTrue(f.hint().endsWith("or leave the schema beside 'unevaluatedProperties' unchanged"), f.hint());
  }

  @Test
  void removingUnevaluatedPropertiesBesideAllOfIsARelaxation() {
    String closed = "{" + DRAFT_2020 + "\"allOf\": [{\"properties\": {\"a\": {}}}], \"unevaluatedProperties\": false}";
    String open = "{" + DRAFT_2020 + "\"allOf\": [{\"properties\": {\"a\": {}}}]}";
    assertEquals(List.of(), backward(strict, closed, open));
    assertEquals(List.of("JSON_UNEVALUATED_PROPERTIES_REMOVED"), forward(strict, closed, open));
  }

  @Test
  void unevaluatedPropertiesAddedBesideARefIsOnlyThatChange() {
    String template = "{" + DRAFT_2020 + "\"$ref\": \"#/$defs/Base\"%s,"
        + " \"$defs\": {\"Base\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}}}";
    String open = template.formatted("");
    String closed = template.formatted(", \"unevaluatedProperties\": false");
    assertEquals(List.of("JSON_UNEVALUATED_PROPERTIES_REMOVED"), backward(strict, open, closed));
    assertEquals(List.of(), forward(strict, open, closed));
    assertEquals(List.of("UNEVALUATED_PROPERTIES_ADDED unevaluatedProperties"), differences(closed, open));
  }

  @Test
  void aRefInsideAnUnknownKeywordIsFollowedToo() {
    String template = "{\"type\": \"object\", \"myRule\": {\"when\": {\"$ref\": \"#/definitions/A\"}},"
        + " \"definitions\": {\"A\": {\"maxLength\": %d}}}";
    assertEquals(List.of("UNSUPPORTED_KEYWORD_CHANGED myRule"), differences(template.formatted(5), template.formatted(3)));
  }

  @Test
  void aSchemaThatIsItsOwnUnevaluatedSchemaTerminates() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      String template = "{" + DRAFT_2020 + "\"properties\": {\"a\": {\"maxLength\": %d}},"
          + " \"unevaluatedProperties\": {\"$ref\": \"#\"}}";
      assertEquals(List.of("MAX_LENGTH_DECREASED a"), differences(template.formatted(5), template.formatted(3)));
    });
  }
}
