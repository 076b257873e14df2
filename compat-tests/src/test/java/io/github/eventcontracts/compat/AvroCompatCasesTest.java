package io.github.eventcontracts.compat;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.model.CompatibilityLevel;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.Side;
import io.github.eventcontracts.tooling.compat.avro.AvroEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every row of every file under {@code compat-tests/avro/} through the Avro compatibility engine.
 * A row names two schemas and the rule ids each direction must report:
 * BACKWARD = a consumer on {@code current} reads data written with {@code previous};
 * FORWARD = a consumer on {@code previous} reads data written with {@code current}.
 * FULL (both) and NONE (nothing) are derived from them. See compat-tests/avro/README.md.
 */
class AvroCompatCasesTest {
  /** Every rule id the engine may report; a row expecting anything else is a typo. */
  private static final Set<String> RULES = Set.of("AVRO_READER_FIELD_MISSING_DEFAULT_VALUE", "AVRO_TYPE_MISMATCH",
      "AVRO_MISSING_ENUM_SYMBOLS", "AVRO_MISSING_UNION_BRANCH", "AVRO_NAME_MISMATCH", "AVRO_FIXED_SIZE_MISMATCH",
      "AVRO_LOGICAL_TYPE_CHANGED", "AVRO_FIELD_ALIAS_AMBIGUOUS");
  private static final Set<String> ROW_KEYS = Set.of("description", "previous", "current", "expected");
  private static final List<CompatibilityLevel> LEVELS = List.of(CompatibilityLevel.BACKWARD,
      CompatibilityLevel.FORWARD, CompatibilityLevel.FULL, CompatibilityLevel.NONE);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AvroEngine ENGINE = new AvroEngine();

  /** One row: where it is, what it says, and what it expects per direction. */
  record Case(String file, String description, JsonNode previous, JsonNode current, List<String> backward,
      List<String> forward) {
    SourceDocument previousDocument() {
      return document("previous.avsc", previous);
    }

    SourceDocument currentDocument() {
      return document("current.avsc", current);
    }

    @Override
    public String toString() {
      return file + ": " + description;
    }
  }

  static Path casesDir() {
    String dir = System.getProperty("contracts.repo.dir");
    Path root = dir != null ? Path.of(dir) : Path.of("..").toAbsolutePath().normalize();
    return root.resolve("compat-tests/avro");
  }

  static Stream<Case> cases() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(casesDir())) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no case files under " + casesDir());
    }
    List<Case> out = new ArrayList<>();
    for (Path f : files) {
      String name = casesDir().relativize(f).toString().replace('\\', '/');
      JsonNode rows = JSON.readTree(f.toFile());
      if (!rows.isArray() || rows.isEmpty()) {
        throw new IllegalArgumentException(name + ": expected a non-empty JSON array of cases");
      }
      for (int i = 0; i < rows.size(); i++) {
        out.add(toCase(name + " row " + i, name, rows.get(i)));
      }
    }
    return out.stream();
  }

  private static Case toCase(String where, String file, JsonNode row) {
    for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!ROW_KEYS.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "' (allowed: " + ROW_KEYS + ")");
      }
    }
    if (!row.path("description").isTextual() || row.path("previous").isMissingNode()
        || row.path("current").isMissingNode() || !row.path("expected").isObject()) {
      throw new IllegalArgumentException(where + ": needs description, previous, current and expected");
    }
    JsonNode expected = row.get("expected");
    if (expected.size() != 2 || !expected.has("BACKWARD") || !expected.has("FORWARD")) {
      throw new IllegalArgumentException(where + ": expected must have exactly BACKWARD and FORWARD");
    }
    return new Case(file, row.get("description").textValue(), row.get("previous"), row.get("current"),
        ruleIds(where, expected.get("BACKWARD")), ruleIds(where, expected.get("FORWARD")));
  }

  private static List<String> ruleIds(String where, JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException(where + ": expected rule ids as an array");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode id : array) {
      if (!RULES.contains(id.asText())) {
        throw new IllegalArgumentException(where + ": unknown rule id '" + id.asText() + "' (known: " + RULES + ")");
      }
      ids.add(id.asText());
    }
    return ids;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void avroCase(Case c) {
    SourceDocument previous = c.previousDocument();
    SourceDocument current = c.currentDocument();
    List<Finding> backward = ENGINE.incompatibilities(previous, current, Side.READER);
    List<Finding> forward = ENGINE.incompatibilities(current, previous, Side.WRITER);

    List<Executable> checks = new ArrayList<>();
    for (CompatibilityLevel level : LEVELS) {
      List<String> expected = expected(level, c);
      List<Finding> found = new ArrayList<>();
      if (level.backward()) {
        found.addAll(backward);
      }
      if (level.forward()) {
        found.addAll(forward);
      }
      List<String> actual = found.stream().map(Finding::ruleId).sorted().collect(Collectors.toList());
      checks.add(() -> assertEquals(expected, actual, () -> level + " of " + c + "; found:\n"
          + found.stream().map(Finding::toString).collect(Collectors.joining("\n"))));
    }
    for (Finding f : concat(backward, forward)) {
      checks.add(() -> assertLocatedAndExplained(f));
    }
    // a schema is always compatible with itself, in both directions
    checks.add(() -> assertEquals(List.of(), ENGINE.incompatibilities(previous, previous, Side.READER), "previous vs itself"));
    checks.add(() -> assertEquals(List.of(), ENGINE.incompatibilities(current, current, Side.WRITER), "current vs itself"));
    assertAll(c.toString(), checks);
  }

  /** Every finding names one of the two files, a real line and column, says who it breaks and how to fix it. */
  private static void assertLocatedAndExplained(Finding f) {
    assertTrue(f.file().equals("previous.avsc") || f.file().equals("current.avsc"), f::toString);
    assertTrue(f.line() >= 1 && f.column() >= 1, () -> "not located: " + f);
    assertTrue(f.message().contains("consumers"), () -> "does not say who it breaks: " + f);
    assertFalse(f.hint().isBlank(), () -> "no hint: " + f);
  }

  /** What a level expects: BACKWARD's and FORWARD's rule ids when it includes them, sorted. */
  private static List<String> expected(CompatibilityLevel level, Case c) {
    List<String> all = new ArrayList<>();
    if (level.backward()) {
      all.addAll(c.backward());
    }
    if (level.forward()) {
      all.addAll(c.forward());
    }
    all.sort(null);
    return all;
  }

  private static List<Finding> concat(List<Finding> a, List<Finding> b) {
    List<Finding> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The schema as a file: pretty-printed, so that findings have distinct lines. */
  private static SourceDocument document(String name, JsonNode schema) {
    try {
      return SourceDocument.parse(name, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
