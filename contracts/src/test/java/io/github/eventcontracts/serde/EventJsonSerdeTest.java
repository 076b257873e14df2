package io.github.eventcontracts.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.RepoFiles;
import io.github.eventcontracts.codec.EventValidationException;
import io.github.eventcontracts.events.ProjectCompleted;
import io.github.eventcontracts.events.SkillCreated;
import io.github.eventcontracts.events.ValidationCompleted;
import io.github.eventcontracts.events.ValidationCompletedData;
import io.github.eventcontracts.events.ValidationStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The platform's plain JSON through Kafka's serializer interfaces: round trips and rejections. */
class EventJsonSerdeTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<Path> goldenPayloads() {
    return RepoFiles.files(RepoFiles.golden(), ".json").stream()
        .filter(p -> !p.getFileName().toString().equals("schema.json")).toList();
  }

  @Test
  void everyGoldenPayloadRoundTrips() throws Exception {
    EventJsonSerde<SpecificRecord> serde = new EventJsonSerde<>();
    serde.configure(Map.of(), false);
    for (Path file : goldenPayloads()) {
      byte[] wire = Files.readAllBytes(file);
      SpecificRecord event = serde.deserializer().deserialize("t", wire);
      String eventType = MAPPER.readTree(wire).get("event_type").asText();
      assertEquals(eventType, event.getSchema().getField("event_type").defaultVal(), file.toString());
      byte[] again = serde.serializer().serialize("t", event);
      assertEquals(MAPPER.readTree(wire), MAPPER.readTree(again), "re-encoded JSON differs for " + file);
      assertEquals(event, serde.deserializer().deserialize("t", again));
    }
  }

  @Test
  void readsThePythonProducersPayloadIntoTheConfiguredClass() {
    String json = "{\"event_id\": \"123e4567-e89b-12d3-a456-426614174000\", \"event_type\": \"skill.created\","
        + " \"timestamp\": \"2025-01-27T10:00:00Z\", \"data\": {\"skill_id\": \"skill-1\", \"name\": \"my-skill\"}}";
    EventJsonDeserializer<SkillCreated> d = new EventJsonDeserializer<>();
    d.configure(Map.of(EventSerdeConfig.JSON_VALUE_TYPE, SkillCreated.class.getName()), false);
    SkillCreated event = d.deserialize("skill.created", json.getBytes(StandardCharsets.UTF_8));
    assertEquals("skill-1", event.getData().getSkillId());
    assertNull(event.getData().getCategory());
    assertNull(d.deserialize("skill.created", null), "a tombstone stays null");

    EventJsonDeserializer<ProjectCompleted> wrongType = new EventJsonDeserializer<>(ProjectCompleted.class);
    SerializationException e = assertThrows(SerializationException.class,
        () -> wrongType.deserialize("project.completed", json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("topic 'project.completed'") && e.getMessage().contains("$.event_type"), e.getMessage());

    assertThrows(ConfigException.class, () -> new EventJsonDeserializer<>().configure(Map.of(EventSerdeConfig.JSON_VALUE_TYPE,
        "no.such.Class"), false));
  }

  @Test
  void anInvalidPayloadIsRefusedWithEveryViolationAndTheTopic() {
    String json = "{\"event_id\": \"not-a-uuid\", \"event_type\": \"validation.completed\", \"timestamp\": \"2025-01-27T10:00:00Z\","
        + " \"data\": {\"validation_id\": \"v\", \"project_id\": \"p\", \"status\": \"bogus\", \"tests_passed\": -1,"
        + " \"tests_failed\": 0, \"extra\": true}}";
    SerializationException e = assertThrows(SerializationException.class,
        () -> new EventJsonDeserializer<>().deserialize("validation.completed", json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("topic 'validation.completed'"), e.getMessage());
    EventValidationException cause = assertInstanceOf(EventValidationException.class, e.getCause());
    assertEquals(4, cause.violations().size(), cause.violations().toString());
    for (String path : List.of("$.event_id", "$.data.status", "$.data.tests_passed", "$.data")) {
      assertTrue(e.getMessage().contains(path + ": "), "no violation at " + path + " in: " + e.getMessage());
    }

    SerializationException avro = assertThrows(SerializationException.class,
        () -> new EventJsonDeserializer<>().deserialize("t", new byte[] {0, 0, 0, 0, 1, 2}));
    assertTrue(avro.getMessage().contains("Confluent Avro wire format"), avro.getMessage());
  }

  @Test
  void anInvalidEventIsNotSent() {
    ValidationCompleted event = ValidationCompleted.newBuilder().setEventId(UUID.randomUUID())
        .setTimestamp(Instant.parse("2025-01-27T10:00:00Z"))
        .setData(ValidationCompletedData.newBuilder().setValidationId("v").setProjectId("p")
            .setStatus(ValidationStatus.failed).setTestsPassed(-3).setTestsFailed(-1).build())
        .build();
    SerializationException e = assertThrows(SerializationException.class,
        () -> new EventJsonSerializer<>().serialize("validation.completed", event));
    assertTrue(e.getMessage().contains("topic 'validation.completed'"), e.getMessage());
    assertTrue(e.getMessage().contains("$.data.tests_passed: ") && e.getMessage().contains("$.data.tests_failed: "), e.getMessage());
    assertEquals(2, ((EventValidationException) e.getCause()).violations().size());
  }

  @Test
  void theLargestDurationEveryJsonReaderReadsAlikeGoesBothWaysAndOneMoreIsNotSent() {
    String json = "{\"event_id\":\"e4a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a03\",\"event_type\":\"project.completed\","
        + "\"timestamp\":\"2025-01-27T10:00:00Z\",\"data\":{\"project_id\":\"p\",\"duration_ms\":9007199254740991,"
        + "\"status\":\"success\"}}";
    ProjectCompleted event = new EventJsonDeserializer<>(ProjectCompleted.class)
        .deserialize("project.completed", json.getBytes(StandardCharsets.UTF_8));
    assertEquals((1L << 53) - 1, event.getData().getDurationMs());
    assertEquals(json, new String(new EventJsonSerializer<>().serialize("project.completed", event), StandardCharsets.UTF_8));

    event.getData().setDurationMs(1L << 53);
    SerializationException e = assertThrows(SerializationException.class,
        () -> new EventJsonSerializer<>().serialize("project.completed", event));
    assertEquals(List.of(new io.github.eventcontracts.codec.Violation("$.data.duration_ms",
        "must have a maximum value of 9007199254740991")), ((EventValidationException) e.getCause()).violations());
  }
}
