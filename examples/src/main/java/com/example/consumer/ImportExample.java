package com.example.consumer;

import io.github.eventcontracts.codec.EventAvroCodec;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.events.SkillCreated;
import io.github.eventcontracts.events.SkillCreatedData;
import io.github.eventcontracts.model.Catalog;
import io.github.eventcontracts.model.ConsumerGroup;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Topic;
import java.time.Instant;
import java.util.UUID;

/** What a service does with the contracts artifact: build an event, encode it, read it back. */
public final class ImportExample {
  private ImportExample() {}

  /** Builds a skill.created event with the generated builder. */
  public static SkillCreated newSkill(String skillId, String name) {
    return SkillCreated.newBuilder()
        .setEventId(UUID.randomUUID())
        .setTimestamp(Instant.parse("2025-01-27T10:00:00Z"))
        .setData(SkillCreatedData.newBuilder().setSkillId(skillId).setName(name).build())
        .build(); // event_type takes its default, "skill.created"
  }

  public static void main(String[] args) {
    Catalog catalog = ContractModel.bundled().catalog();
    Topic topic = catalog.topicForEvent("skill.created").orElseThrow();
    ConsumerGroup group = catalog.consumerGroup("gen-service").orElseThrow();
    SkillCreated event = newSkill("skill-1", "my-skill");

    EventJsonCodec json = EventJsonCodec.create();
    String wire = json.encode(event);
    SkillCreated fromJson = json.decode(wire, SkillCreated.class);

    byte[] avro = EventAvroCodec.encode(event);
    SkillCreated fromAvro = EventAvroCodec.decode(avro, SkillCreated.class);

    System.out.println("topic " + topic.name() + " (key " + topic.keyField() + ", " + topic.partitions()
        + " partitions, retention " + topic.retention().toDays() + " days), group " + group.groupId("acme"));
    System.out.println("JSON: " + wire);
    System.out.println("Avro: " + avro.length + " bytes; JSON round trip equal: " + event.equals(fromJson)
        + "; Avro round trip equal: " + event.equals(fromAvro));
    if (!event.equals(fromJson) || !event.equals(fromAvro)) {
      throw new IllegalStateException("round trip changed the event");
    }
  }
}
