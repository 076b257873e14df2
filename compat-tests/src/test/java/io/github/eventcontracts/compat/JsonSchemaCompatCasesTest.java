package io.github.eventcontracts.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.model.CompatibilityLevel;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.CompatibilityCheck;
import io.github.eventcontracts.tooling.compat.SchemaVersion;
import io.github.eventcontracts.tooling.compat.Side;
import io.github.eventcontracts.tooling.compat.json.Difference;
import io.github.eventcontracts.tooling.compat.json.JsonCompatPolicy;
import io.github.eventcontracts.tooling.compat.json.JsonSchemaEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every row of every file under {@code compat-tests/jsonschema/}: the previous and current schema are
 * checked BACKWARD (the current one reads) and FORWARD (the previous one reads) with the row's policy, and
 * the sorted rule ids found must equal the row's expectation exactly. FULL (the union of both) and NONE
 * (always compatible) are derived and checked through {@link CompatibilityCheck}.
 */
class JsonSchemaCompatCasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ROW_FIELDS = Set.of("description", "previous", "current", "expected", "policy");

  /** One row of a case file. */
  record Case(String file, String description, JsonNode previous, JsonNode current, List<String> backward,
      List<String> forward, JsonCompatPolicy policy) {

    SourceDocument previousDocument() {
      return SourceDocument.parse("previous.json", pretty(previous));
    }

    SourceDocument currentDocument() {
      return SourceDocument.parse("current.json", pretty(current));
    }
  }

  static Path casesDir() {
    String repo = System.getProperty("contracts.repo.dir", "..");
    return Path.of(repo).resolve("compat-tests/jsonschema").toAbsolutePath().normalize();
  }

  static List<Case> allCases() {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(casesDir())) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode rows = JSON.readTree(file.toFile());
        assertTrue(rows.isArray(), file + " must hold a JSON array of rows");
        for (JsonNode row : rows) {
          cases.add(toCase(file.getFileName().toString(), row));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  private static Case toCase(String file, JsonNode row) {
    row.fieldNames().forEachRemaining(name -> assertTrue(ROW_FIELDS.contains(name),
        file + ": unknown field '" + name + "' in row " + row.path("description")));
    for (String required : List.of("description", "previous", "current", "expected")) {
      assertTrue(row.has(required), file + ": a row lacks '" + required + "': " + row.path("description"));
    }
    JsonNode expected = row.get("expected");
    JsonCompatPolicy policy = row.has("policy") ? JsonCompatPolicy.valueOf(row.get("policy").textValue())
        : JsonCompatPolicy.STRICT;
    return new Case(file, row.get("description").textValue(), row.get("previous"), row.get("current"),
        ruleIds(expected, "BACKWARD", file), ruleIds(expected, "FORWARD", file), policy);
  }

  private static List<String> ruleIds(JsonNode expected, String level, String file) {
    JsonNode ids = expected.get(level);
    assertTrue(ids != null && ids.isArray(), file + ": expected." + level + " must be an array of rule ids");
    List<String> out = new ArrayList<>();
    ids.forEach(id -> out.add(id.textValue()));
    return out.stream().sorted().toList();
  }

  static Stream<Named<Case>> cases() {
    return allCases().stream().map(c -> Named.of(c.file() + ": " + c.description(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void row(Case c) {
    SourceDocument previous = c.previousDocument();
    SourceDocument current = c.currentDocument();
    JsonSchemaEngine engine = new JsonSchemaEngine(c.policy());

    List<Finding> backward = engine.incompatibilities(previous, current, Side.READER);
    List<Finding> forward = engine.incompatibilities(current, previous, Side.WRITER);
    assertEquals(c.backward(), ids(backward), "BACKWARD findings:\n" + render(backward));
    assertEquals(c.forward(), ids(forward), "FORWARD findings:\n" + render(forward));
    Stream.concat(backward.stream(), forward.stream()).forEach(JsonSchemaCompatCasesTest::assertActionable);

    CompatibilityCheck check = new CompatibilityCheck(List.of(engine));
    List<SchemaVersion> history = List.of(new SchemaVersion("previous", previous));
    Set<String> expectedFull = new TreeSet<>(c.backward());
    expectedFull.addAll(c.forward());
    List<Finding> full = check.check(SchemaFormat.JSON, CompatibilityLevel.FULL, history, current);
    assertEquals(expectedFull, new TreeSet<>(ids(full)), "FULL findings:\n" + render(full));
    assertTrue(full.size() <= backward.size() + forward.size(), "FULL reports more than BACKWARD and FORWARD");
    assertEquals(List.of(), check.check(SchemaFormat.JSON, CompatibilityLevel.NONE, history, current));
  }

  /** Each finding points into one of the two files and says what to do. */
  private static void assertActionable(Finding f) {
    assertTrue(f.ruleId().startsWith("JSON_"), f.toString());
    assertTrue(f.file().equals("previous.json") || f.file().equals("current.json"), f.toString());
    assertTrue(f.line() >= 1 && f.column() >= 1, "unlocated: " + f);
    assertTrue(f.message().contains("consumers"), "does not say whom it breaks: " + f);
    assertFalse(f.hint().isEmpty(), "no hint: " + f);
  }

  /** The table covers every kind of difference the engine knows, in one direction or the other. */
  @Test
  void everyDifferenceTypeIsExercised() {
    Set<Difference.Type> seen = EnumSet.noneOf(Difference.Type.class);
    for (Case c : allCases()) {
      JsonSchemaEngine engine = new JsonSchemaEngine(c.policy());
      SourceDocument previous = c.previousDocument();
      SourceDocument current = c.currentDocument();
      engine.differences(previous, current).forEach(d -> seen.add(d.type()));
      engine.differences(current, previous).forEach(d -> seen.add(d.type()));
    }
    Set<Difference.Type> missing = EnumSet.complementOf(EnumSet.copyOf(seen));
    assertEquals(Set.of(), missing, "difference types no row produces");
  }

  @Test
  void tableIsLargeAndDescriptionsAreUnique() {
    List<Case> cases = allCases();
    assertTrue(cases.size() >= 90, "only " + cases.size() + " cases");
    Set<String> names = new TreeSet<>();
    for (Case c : cases) {
      if (!names.add(c.file() + ": " + c.description())) {
        fail("duplicate description " + c.file() + ": " + c.description());
      }
    }
  }

  private static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).sorted().toList();
  }

  private static String render(List<Finding> findings) {
    return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
  }

  private static String pretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
