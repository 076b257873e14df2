package io.github.eventcontracts.tooling.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Decoding record values without a registry: plain JSON, and every kind of bad value. */
class RecordDecoderTest {
  private static final EventJsonCodec CODEC = EventJsonCodec.create();
  private static final RecordDecoder DECODER = new RecordDecoder(CODEC, null);

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void plainJsonIsPrintedExactlyAsTheCodecWritesIt() throws Exception {
    // spaces and another key order on the wire; the print is the codec's canonical JSON
    String wire = "{ \"data\": {\"name\": \"my-skill\", \"skill_id\": \"skill-1\"}, \"event_type\": \"skill.created\", "
        + "\"timestamp\": \"2025-01-27T11:00:00+01:00\", \"event_id\": \"123e4567-e89b-12d3-a456-426614174000\" }";
    SpecificRecord event = DECODER.decode("skill.created", bytes(wire));
    assertEquals(CODEC.encode(event), DECODER.print(event));
    assertEquals(ConsoleProducerTest.SKILL, DECODER.print(event));
  }

  @Test
  void anEventThatAvroCanHoldButTheJsonContractRefusesIsABadRecordNotACrash() throws Exception {
    // what an Avro record may carry: any event_type string, any long timestamp
    SpecificRecord wrongType = io.github.eventcontracts.events.SkillCreated.newBuilder()
        .setEventId(java.util.UUID.randomUUID()).setEventType("other.type").setTimestamp(java.time.Instant.EPOCH)
        .setData(io.github.eventcontracts.events.SkillCreatedData.newBuilder().setSkillId("s").setName("n").build())
        .build();
    RecordDecoder.UndecodableRecord e = assertThrows(RecordDecoder.UndecodableRecord.class, () -> DECODER.print(wrongType));
    assertTrue(e.getMessage().startsWith("Avro: decodes, but is not a valid SkillCreated event: ")
        && e.getMessage().contains("event_type"), e.getMessage());
    ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("skill.created", 0, 7L, null, new byte[] {0});
    assertThrows(RecordDecoder.UndecodableRecord.class, () -> DECODER.printWithMetadata(r, wrongType));
  }

  @Test
  void metadataWrapsTheEventWithTopicPartitionOffsetKeyAndTimestamp() throws Exception {
    SpecificRecord event = DECODER.decode("t", bytes(ConsoleProducerTest.SKILL));
    ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("skill.created", 2, 41L, 1_737_972_000_123L,
        TimestampType.CREATE_TIME, 7, 100, bytes("skill-1"), bytes(ConsoleProducerTest.SKILL), new RecordHeaders(),
        java.util.Optional.empty());
    String line = DECODER.printWithMetadata(r, event);
    JsonNode n = new ObjectMapper().readTree(line);
    assertEquals(List.of("topic", "partition", "offset", "key", "timestamp", "value"),
        iterable(n.fieldNames()));
    assertEquals("skill.created", n.get("topic").asText());
    assertEquals(2, n.get("partition").asInt());
    assertEquals(41, n.get("offset").asLong());
    assertEquals("skill-1", n.get("key").asText());
    assertEquals("2025-01-27T10:00:00.123Z", n.get("timestamp").asText());
    assertTrue(line.endsWith(",\"value\":" + CODEC.encode(event) + "}"), line);

    ConsumerRecord<byte[], byte[]> keyless = new ConsumerRecord<>("skill.created", 0, 0L, null, bytes("{}"));
    assertTrue(new ObjectMapper().readTree(DECODER.printWithMetadata(keyless, event)).get("key").isNull());
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void everyBadValueIsOneLineWithItsReason() {
    String invalid = ConsoleProducerTest.SKILL.replace("\"skill_id\":\"skill-1\",", "").replace("123e4567", "zzz");
    String reason = assertThrows(RecordDecoder.UndecodableRecord.class, () -> DECODER.decode("skill.created", bytes(invalid)))
        .getMessage();
    assertTrue(reason.startsWith("JSON: refused a record of topic 'skill.created'"), reason);
    assertTrue(reason.contains("$.event_id") && reason.contains("skill_id"), "every violation: " + reason);

    for (byte[] bad : List.of(bytes("not json at all"), new byte[0], new byte[] {'{', (byte) 0xff, '}'},
        bytes("{\"event_type\":\"skill.created\"}"), bytes("[]"))) {
      String why = assertThrows(RecordDecoder.UndecodableRecord.class, () -> DECODER.decode("t", bad)).getMessage();
      assertTrue(why.startsWith("JSON: "), why);
      assertTrue(!why.contains("\n"), "one line: " + why);
    }
    assertTrue(assertThrows(RecordDecoder.UndecodableRecord.class, () -> DECODER.decode("t", null)).getMessage()
        .contains("tombstone"));
    String avro = assertThrows(RecordDecoder.UndecodableRecord.class,
        () -> DECODER.decode("t", new byte[] {0, 0, 0, 0, 1, 2, 3})).getMessage();
    assertTrue(avro.contains("Confluent Avro") && avro.contains("--registry"), avro);
  }

  @Test
  void anUnreachableRegistryIsNotABadRecordButAReasonToStop() {
    RegistryConfig nowhere = RegistryConfig.of("http://127.0.0.1:1/apis/ccompat/v7").withDeadline(java.time.Duration.ofMillis(500));
    RecordDecoder decoder = new RecordDecoder(CODEC, new RegistryClient(nowhere));
    String why = assertThrows(RecordDecoder.RegistryUnavailable.class,
        () -> decoder.decode("t", new byte[] {0, 0, 0, 0, 1, 2, 3})).getMessage();
    assertTrue(why.contains("127.0.0.1:1"), why);
  }
}
