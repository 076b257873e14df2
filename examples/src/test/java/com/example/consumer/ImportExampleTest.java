package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.eventcontracts.codec.EventAvroCodec;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.codec.EventValidationException;
import io.github.eventcontracts.events.SkillCreated;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.serde.EventJsonSerde;
import io.github.eventcontracts.serde.EventKeys;
import org.junit.jupiter.api.Test;

/** The installed artifact is usable on its own: classes, codecs, schemas and catalog. */
class ImportExampleTest {
  private final EventJsonCodec codec = EventJsonCodec.create();

  @Test
  void jsonRoundTrip() {
    SkillCreated event = ImportExample.newSkill("skill-1", "my-skill");
    String json = codec.encode(event);
    assertEquals("skill.created", event.getEventType());
    assertEquals(event, codec.decode(json, SkillCreated.class));
  }

  @Test
  void avroRoundTrip() {
    SkillCreated event = ImportExample.newSkill("skill-2", "other");
    assertEquals(event, EventAvroCodec.decode(EventAvroCodec.encode(event), SkillCreated.class));
  }

  @Test
  void theBundledCatalogAndSchemasAreThere() {
    ContractModel model = ContractModel.bundled();
    assertEquals(5, model.events().size());
    assertEquals(SkillCreated.getClassSchema().getFullName(),
        model.event("skill.created").orElseThrow().avroSchema().getFullName());
  }

  @Test
  void invalidInputIsRejected() {
    assertThrows(EventValidationException.class, () -> codec.decode("{\"event_type\": \"skill.created\"}", SkillCreated.class));
  }

  @Test
  void kafkaJsonSerdeRoundTripWithTheCatalogsKey() {
    SkillCreated event = ImportExample.newSkill("skill-3", "serde");
    try (EventJsonSerde<SkillCreated> serde = new EventJsonSerde<>(SkillCreated.class)) {
      byte[] wire = serde.serializer().serialize("skill.created", event);
      assertEquals(event, serde.deserializer().deserialize("skill.created", wire));
    }
    assertEquals("skill-3", EventKeys.keyOf(event));
  }

  @Test
  void mainRuns() {
    ImportExample.main(new String[0]);
  }
}
