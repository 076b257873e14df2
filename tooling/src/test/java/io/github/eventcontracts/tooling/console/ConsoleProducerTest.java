package io.github.eventcontracts.tooling.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.SchemaFormat;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The producer's validation and routing, without a broker (dry runs connect to nothing). */
class ConsoleProducerTest {
  static final String SKILL = "{\"event_id\":\"123e4567-e89b-12d3-a456-426614174000\",\"event_type\":\"skill.created\","
      + "\"timestamp\":\"2025-01-27T10:00:00Z\",\"data\":{\"skill_id\":\"skill-1\",\"name\":\"my-skill\"}}";
  static final String PROJECT = "{\"event_id\":\"e4a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a03\",\"event_type\":\"project.completed\","
      + "\"timestamp\":\"2025-01-27T10:00:00Z\",\"data\":{\"project_id\":\"p-7\",\"duration_ms\":5000,\"status\":\"success\"}}";

  private static final ContractModel MODEL = ContractModel.bundled();

  private static ConsoleProducer producer(SchemaFormat format) {
    return new ConsoleProducer(MODEL, format, Map.of(), null, Duration.ofSeconds(1));
  }

  @Test
  void aValidLineGoesToTheCatalogsTopicWithTheCatalogsKeyInTheTopicsWireFormat() throws Exception {
    ConsoleProducer.Prepared p = producer(null).prepare(1, SKILL);
    assertEquals("skill.created", p.topic().name());
    assertEquals("skill-1", p.key());
    assertEquals(MODEL.catalog().topic("skill.created").orElseThrow().wireFormat(), p.format());
    ConsoleProducer.Prepared q = producer(SchemaFormat.JSON).prepare(2, PROJECT);
    assertEquals("project.completed", q.topic().name());
    assertEquals("p-7", q.key(), "project.* are keyed by data.project_id");
    assertEquals(SchemaFormat.JSON, q.format());
  }

  @Test
  void anInvalidLineNamesEveryViolationOnOneLine() {
    String bad = "{\"event_id\":\"nope\",\"event_type\":\"skill.created\",\"timestamp\":\"yesterday\",\"data\":{\"name\":\"x\"}}";
    ConsoleProducer.InvalidLine e = assertThrows(ConsoleProducer.InvalidLine.class, () -> producer(null).prepare(1, bad));
    assertTrue(e.getMessage().startsWith("invalid skill.created event (4 violations): "), e.getMessage());
    assertTrue(e.getMessage().contains("does not match the pattern its JSON Schema requires (the schema's description: "
        + "When the event happened"), "a long pattern is explained, not quoted: " + e.getMessage());
    for (String path : List.of("$.event_id", "$.timestamp", "$.data")) {
      assertTrue(e.getMessage().contains(path + ": "), path + " in " + e.getMessage());
    }
    assertTrue(e.getMessage().contains("skill_id"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());

    assertTrue(assertThrows(ConsoleProducer.InvalidLine.class, () -> producer(null).prepare(1, "{\"event_type\":\"skill.deleted\"}"))
        .getMessage().contains("$.event_type: unknown event type"));
    assertTrue(assertThrows(ConsoleProducer.InvalidLine.class, () -> producer(null).prepare(1, "[1,2]"))
        .getMessage().contains("must be a JSON object"));
    assertTrue(assertThrows(ConsoleProducer.InvalidLine.class, () -> producer(null).prepare(1, "{oops"))
        .getMessage().contains("not well-formed JSON"));
  }

  @Test
  void aDryRunReportsInvalidLinesAsFileColonLineSkipsBlankLinesAndSaysWhereEachValidOneWouldGo() {
    String input = SKILL + "\n\n   \n{\"event_type\":\"skill.created\"}\r\n" + PROJECT + "\n";
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ConsoleProducer.Outcome o = producer(null).run("events.jsonl", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        true, new PrintWriter(out, true), new PrintWriter(err, true));
    assertTrue(o.dryRun());
    assertEquals(List.of(1, 5), o.sentLines());
    assertEquals(1, o.invalid());
    assertEquals(Map.of("skill.created", 1, "project.completed", 1), o.perTopic());
    assertEquals(List.of("skill.created", "project.completed"), List.copyOf(o.perTopic().keySet()), "in input order");
    assertEquals(null, o.failure());
    List<String> errLines = err.toString().lines().toList();
    assertEquals(1, errLines.size(), err.toString());
    assertTrue(errLines.get(0).startsWith("events.jsonl:4: invalid skill.created event"), errLines.get(0));
    List<String> outLines = out.toString().lines().toList();
    assertEquals(List.of("events.jsonl:1: skill.created -> topic skill.created, key skill-1, avro",
        "events.jsonl:5: project.completed -> topic project.completed, key p-7, avro"), outLines);
  }

  @Test
  void aTooLongOrNonUtf8LineIsAnInvalidLine() {
    byte[] input = ("x".repeat(ConsoleProducer.MAX_LINE_BYTES + 1) + "\n").getBytes(StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    ConsoleProducer.Outcome o = producer(null).run("-", new ByteArrayInputStream(input), true, new PrintWriter(new StringWriter()),
        new PrintWriter(err, true));
    assertEquals(1, o.invalid());
    assertTrue(err.toString().startsWith("-:1: the line is longer than"), err.toString());
  }
}
