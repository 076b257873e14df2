package io.github.eventcontracts.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.events.SkillCreated;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Keys are the catalog's key field under data, for every event. */
class EventKeysTest {
  @Test
  void theKeyIsTheCatalogsKeyFieldOfEveryGoldenPayload() throws Exception {
    ContractModel model = ContractModel.bundled();
    EventJsonCodec codec = EventJsonCodec.create();
    ObjectMapper mapper = new ObjectMapper();
    for (Path file : EventJsonSerdeTest.goldenPayloads()) {
      JsonNode json = mapper.readTree(Files.readString(file));
      SpecificRecord event = codec.decode(json.toString());
      Topic topic = model.catalog().topicForEvent(json.get("event_type").asText()).orElseThrow();
      String expected = json.get("data").get(topic.keyField()).asText();
      assertEquals(expected, EventKeys.keyOf(event), file.toString());
      assertEquals(expected, EventKeys.keyOf(model, event), file.toString());
    }
  }

  @Test
  void anEventWithoutItsKeyIsRefused() {
    SkillCreated noData = new SkillCreated();
    assertThrows(IllegalArgumentException.class, () -> EventKeys.keyOf(noData));
  }
}
