package io.github.eventcontracts.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcontracts.model.CompatibilityLevel;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.CompatibilityCheck;
import io.github.eventcontracts.tooling.compat.SchemaVersion;
import io.github.eventcontracts.tooling.compat.avro.AvroEngine;
import io.github.eventcontracts.tooling.compat.json.JsonCompatPolicy;
import io.github.eventcontracts.tooling.compat.json.JsonSchemaEngine;
import io.github.eventcontracts.tooling.it.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registry as a second judge of the gate: every row of the Avro and JSON Schema compatibility tables, at
 * BACKWARD, FORWARD and FULL, is judged by the gate's engines (computed here, not read from the row's
 * expectation) and by the real registry of the local stack (a fresh subject per row and level: set the level,
 * register previous, register current; 200 = compatible, 409 = incompatible, anything else = it cannot
 * judge). A pair the registry refuses but the gate accepts fails the test unless {@value #KNOWN} lists it with
 * a reason; an entry there that no longer disagrees fails it too. The agreement table is written to
 * {@code target/registry-agreement.md} and printed (see compat-tests/registry-agreement/README.md).
 *
 * <p>For the registry, a JSON schema without {@code $schema} gets draft-07's, the draft the gate reads it as
 * (Apicurio would read it as draft-04). LENIENT rows are not sent: the registry has no lenient mode.
 */
@ExtendWith(LocalStack.class)
class RegistryAgreementIT {
  static final String KNOWN = "compat-tests/registry-agreement/known-differences.json";
  static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
  private static final List<CompatibilityLevel> LEVELS =
      List.of(CompatibilityLevel.BACKWARD, CompatibilityLevel.FORWARD, CompatibilityLevel.FULL);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One row of a table, as both judges see it: the gate's documents, and the registry's copies. */
  record Row(String table, String description, SchemaFormat format, JsonCompatPolicy policy,
      SourceDocument previous, SourceDocument current, String registryPrevious, String registryCurrent) {}

  @Test
  void theRegistryRefusesNothingTheGateAccepts() throws Exception {
    long start = System.nanoTime();
    List<Row> rows = rows();
    RegistryJudge registry = new RegistryJudge(LocalStack.REGISTRY);
    String prefix = "judge-" + System.currentTimeMillis() + "-";
    // one pair at a time: Apicurio on H2 answers concurrent registrations with lock timeouts and
    // "already exists" conflicts (seen with 4 threads: 10 % of the pairs, and 4x slower), not with verdicts
    List<AgreementReport.Pair> pairs = new ArrayList<>();
    for (Row row : rows) {
      for (CompatibilityLevel level : LEVELS) {
        pairs.add(judge(registry, prefix + pairs.size(), row, level));
      }
    }
    AgreementReport report = new AgreementReport(pairs, KnownDifferences.load(Repo.root().resolve(KNOWN)));
    String markdown = report.markdown(registry.version(), (System.nanoTime() - start) / 1e9);
    Path out = Path.of("target/registry-agreement.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, markdown);
    System.out.println(markdown);
    List<String> problems = report.problems();
    assertTrue(problems.isEmpty(), () -> problems.size() + " disagreements beyond " + KNOWN + " (table: "
        + out.toAbsolutePath() + "):\n" + String.join("\n", problems));
  }

  private static AgreementReport.Pair judge(RegistryJudge registry, String subject, Row row, CompatibilityLevel level) {
    List<Finding> gate = gate(row, level);
    if (row.policy() == JsonCompatPolicy.LENIENT) {
      return new AgreementReport.Pair(row.table(), row.description(), level, gate, null);
    }
    String type = row.format() == SchemaFormat.AVRO ? "AVRO" : "JSON";
    return new AgreementReport.Pair(row.table(), row.description(), level, gate,
        registry.judge(subject, level, type, row.registryPrevious(), row.registryCurrent()));
  }

  /** The gate's findings for current after previous at the level, as the gate computes them. */
  private static List<Finding> gate(Row row, CompatibilityLevel level) {
    CompatibilityCheck check = new CompatibilityCheck(List.of(
        row.format() == SchemaFormat.AVRO ? new AvroEngine() : new JsonSchemaEngine(row.policy())));
    return check.check(row.format(), level, List.of(new SchemaVersion("previous", row.previous())), row.current());
  }

  /** Every row of both tables, read by the case tests' own parsers. */
  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    AvroCompatCasesTest.cases().forEach(c -> rows.add(new Row("avro/" + c.file(), c.description(), SchemaFormat.AVRO,
        null, c.previousDocument(), c.currentDocument(), compact(c.previous()), compact(c.current()))));
    for (JsonSchemaCompatCasesTest.Case c : JsonSchemaCompatCasesTest.allCases()) {
      rows.add(new Row("jsonschema/" + c.file(), c.description(), SchemaFormat.JSON, c.policy(), c.previousDocument(),
          c.currentDocument(), compact(withDraft(c.previous())), compact(withDraft(c.current()))));
    }
    return rows;
  }

  /** The schema with draft-07's $schema first when it declares none (the gate's reading of such a schema). */
  static JsonNode withDraft(JsonNode schema) {
    if (!schema.isObject() || schema.has("$schema")) {
      return schema;
    }
    ObjectNode copy = JSON.createObjectNode().put("$schema", DRAFT_07);
    copy.setAll((ObjectNode) schema);
    return copy;
  }

  private static String compact(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
