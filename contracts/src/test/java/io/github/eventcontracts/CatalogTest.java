package io.github.eventcontracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.Catalog;
import io.github.eventcontracts.model.CompatibilityLevel;
import io.github.eventcontracts.model.ConsumerGroup;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.Topic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled catalog says what the platform's Kafka Topics page says. */
class CatalogTest {
  private final Catalog catalog = ContractModel.bundled().catalog();

  @Test
  void topicsCarryTheSeedsSettings() {
    // the platform page's five topics; events added later have their own settings
    List<String> seed = List.of("skill.created", "skill.updated", "project.generated", "project.completed",
        "validation.completed");
    assertTrue(catalog.topics().stream().map(Topic::name).toList().containsAll(seed));
    for (Topic t : catalog.topics().stream().filter(t -> seed.contains(t.name())).toList()) {
      assertEquals(3, t.partitions(), t.name());
      assertEquals(3, t.replicationFactor(), t.name());
      assertEquals(t.name().startsWith("validation.") ? Duration.ofDays(30) : Duration.ofDays(7), t.retention(), t.name());
      assertEquals(t.name().startsWith("skill.") ? "skill_id" : "project_id", t.keyField(), t.name());
      assertEquals(t.name(), t.eventType());
      assertEquals(CompatibilityLevel.FULL_TRANSITIVE, t.compatibility(SchemaFormat.AVRO));
      assertEquals(CompatibilityLevel.BACKWARD_TRANSITIVE, t.compatibility(SchemaFormat.JSON));
    }
    assertEquals(2_592_000_000L, catalog.topic("validation.completed").orElseThrow().retentionMs());
  }

  @Test
  void consumerGroupsReadWhatTheSeedSays() {
    assertEquals(List.of("skill.created", "skill.updated"), catalog.consumerGroup("gen-service").orElseThrow().topics());
    assertEquals(List.of("project.generated"), catalog.consumerGroup("val-service").orElseThrow().topics());
    ConsumerGroup notify = catalog.consumerGroup("notify-service").orElseThrow();
    assertTrue(notify.allTopics());
    assertEquals(catalog.topics().stream().map(Topic::name).toList(), notify.topics());
    assertEquals(List.of("gen-service", "notify-service"),
        catalog.readersOf("skill.updated").stream().map(ConsumerGroup::id).toList());
  }

  @Test
  void siteNamePrefixesGroupIds() {
    ConsumerGroup gen = catalog.consumerGroup("gen-service").orElseThrow();
    assertEquals("acme-gen-service", gen.groupId("acme"));
    assertEquals("gen-service", gen.groupId(""));
    assertEquals("gen-service", gen.groupId(null));
  }
}
