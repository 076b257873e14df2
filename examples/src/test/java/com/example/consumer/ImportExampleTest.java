package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.eventcontracts.codec.EventAvroCodec;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.codec.EventValidationException;
import io.github.eventcontracts.events.SkillCreated;
import io.github.eventcontracts.model.ContractModel;
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
  void mainRuns() {
    ImportExample.main(new String[0]);
  }
}
