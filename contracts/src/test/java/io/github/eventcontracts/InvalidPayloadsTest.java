package io.github.eventcontracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.codec.EventValidationException;
import io.github.eventcontracts.codec.Violation;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: each row of invalid-payloads.json is a payload and the violations it must produce. */
class InvalidPayloadsTest {
  private static final EventJsonCodec CODEC = EventJsonCodec.create();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<Arguments> cases() throws Exception {
    try (InputStream in = InvalidPayloadsTest.class.getResourceAsStream("/invalid-payloads.json")) {
      List<Arguments> out = new ArrayList<>();
      for (JsonNode c : MAPPER.readTree(in)) {
        out.add(Arguments.of(c.get("case").asText(), c));
      }
      return out;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRejectedWithEveryViolationNamed(String name, JsonNode c) throws Exception {
    String json = c.has("raw") ? c.get("raw").asText() : MAPPER.writeValueAsString(c.get("payload"));
    JsonNode as = c.get("decode_as");
    EventValidationException e = assertThrows(EventValidationException.class, () -> {
      if (as == null || as.isNull()) {
        CODEC.decode(json);
      } else {
        CODEC.decode(json, CODEC.classOf(as.asText()));
      }
    });
    List<Violation> actual = e.violations();
    JsonNode expected = c.get("violations");
    for (JsonNode v : expected) {
      String path = v.get("path").asText();
      String contains = v.get("contains").asText();
      assertTrue(actual.stream().anyMatch(a -> a.path().equals(path) && a.reason().contains(contains)),
          "expected a violation at " + path + " mentioning '" + contains + "', got " + actual);
    }
    assertEquals(expected.size(), actual.size(), "unexpected extra violations: " + actual);
  }
}
