package io.github.eventcontracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.Catalog;
import io.github.eventcontracts.model.CompatibilityLevel;
import io.github.eventcontracts.model.ConsumerGroup;
import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
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
      assertEquals(2, t.minInsyncReplicas(), t.name());
      assertFalse(t.uncleanLeaderElectionEnable(), t.name());
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

  private static final String TOPIC = """
        skill.created:
          event: skill.created
          key: skill_id
          retention: 7d
          schemas: {avro: avro/skill.created.avsc, json: json/skill.created.json}
      """;

  private static Catalog catalog(String defaults, String topicExtra) {
    String text = "defaults: {partitions: 3, compatibility: {avro: FULL_TRANSITIVE, json: BACKWARD_TRANSITIVE}, "
        + defaults + "}\ntopics:\n" + TOPIC + topicExtra;
    return Catalog.parse(SourceDocument.parse("schemas/catalog.yaml", text));
  }

  @Test
  void durabilitySettingsComeFromTheTopicThenDefaultsThenTheRule() {
    Topic own = catalog("replication_factor: 3, min_insync_replicas: 2",
        "    min_insync_replicas: 3\n    unclean_leader_election_enable: true\n").topic("skill.created").orElseThrow();
    assertEquals(3, own.minInsyncReplicas());
    assertTrue(own.uncleanLeaderElectionEnable());
    Topic fromDefaults = catalog("replication_factor: 3, min_insync_replicas: 1, unclean_leader_election_enable: true", "")
        .topic("skill.created").orElseThrow();
    assertEquals(1, fromDefaults.minInsyncReplicas());
    assertTrue(fromDefaults.uncleanLeaderElectionEnable());
    // neither sets them: max(1, replication - 1), and unclean election off
    for (int rf : new int[] {1, 2, 3, 5}) {
      Topic ruled = catalog("replication_factor: " + rf, "").topic("skill.created").orElseThrow();
      assertEquals(Math.max(1, rf - 1), ruled.minInsyncReplicas(), "replication " + rf);
      assertFalse(ruled.uncleanLeaderElectionEnable());
    }
  }

  @Test
  void minInsyncAboveReplicationIsAnErrorAtItsLine() {
    ContractException own = assertThrows(ContractException.class,
        () -> catalog("replication_factor: 3", "    min_insync_replicas: 4\n"));
    assertTrue(own.getMessage().contains("schemas/catalog.yaml:8:"), own.getMessage());
    assertTrue(own.getMessage().contains("min_insync_replicas 4 is more than its replication_factor 3"), own.getMessage());
    assertTrue(own.getMessage().contains("topics.skill.created.min_insync_replicas"), own.getMessage());
    // the default is 2, the topic has replication 1: the error names the default and says what to set on the topic
    ContractException inherited = assertThrows(ContractException.class,
        () -> catalog("replication_factor: 3, min_insync_replicas: 2", "    replication_factor: 1\n"));
    assertTrue(inherited.getMessage().contains("schemas/catalog.yaml:1:"), inherited.getMessage());
    assertTrue(inherited.getMessage().contains("(from defaults) is more than its replication_factor 1"), inherited.getMessage());
    assertTrue(inherited.getMessage().contains("set min_insync_replicas: 1"), inherited.getMessage());
    ContractException notBoolean = assertThrows(ContractException.class,
        () -> catalog("replication_factor: 3", "    unclean_leader_election_enable: maybe\n"));
    assertTrue(notBoolean.getMessage().contains("schemas/catalog.yaml:8:"), notBoolean.getMessage());
    assertTrue(notBoolean.getMessage().contains("must be true or false"), notBoolean.getMessage());
    ContractException zero = assertThrows(ContractException.class,
        () -> catalog("replication_factor: 3, min_insync_replicas: 0", ""));
    assertTrue(zero.getMessage().contains("min_insync_replicas must be a positive whole number"), zero.getMessage());
  }
}
