package io.github.eventcontracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.codec.EventAvroCodec;
import io.github.eventcontracts.codec.EventJsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden payload decodes into its generated class and re-encodes to equal JSON and Avro. */
class SeedPayloadsTest {
  private static final EventJsonCodec CODEC = EventJsonCodec.create();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<Path> payloads() {
    // schema.json beside the payloads is that version's JSON Schema, not a payload
    return RepoFiles.files(RepoFiles.golden(), ".json").stream()
        .filter(p -> !p.getFileName().toString().equals("schema.json")).toList();
  }

  @Test
  void everyEventHasGoldenPayloads() {
    List<Path> files = payloads();
    for (String event : CODEC.eventTypes()) {
      assertFalse(files.stream().noneMatch(p -> p.toString().contains("/" + event + "/")),
          "no golden payload for " + event + " under compat-tests/golden/" + event);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void decodesAndReencodesToEqualJson(Path file) throws Exception {
    String json = Files.readString(file);
    JsonNode expected = MAPPER.readTree(json);
    SpecificRecord event = CODEC.decode(json);
    assertEquals(CODEC.classOf(expected.get("event_type").asText()), event.getClass());
    assertEquals(expected, MAPPER.readTree(CODEC.encode(event)), "re-encoded JSON differs for " + file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void roundTripsThroughAvroBinary(Path file) throws Exception {
    SpecificRecord event = CODEC.decode(Files.readString(file));
    byte[] bytes = EventAvroCodec.encode(event);
    SpecificRecord back = EventAvroCodec.decode(bytes, event.getClass());
    assertInstanceOf(event.getClass(), back);
    assertEquals(event, back);
    assertEquals(MAPPER.readTree(Files.readString(file)), MAPPER.readTree(CODEC.encode(back)));
  }
}
