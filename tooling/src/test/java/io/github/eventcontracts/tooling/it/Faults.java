package io.github.eventcontracts.tooling.it;

import io.github.eventcontracts.events.ProjectGenerated;
import io.github.eventcontracts.events.ProjectGeneratedData;
import io.github.eventcontracts.events.SkillCreated;
import io.github.eventcontracts.events.SkillCreatedData;
import io.github.eventcontracts.events.SkillUpdated;
import io.github.eventcontracts.events.SkillUpdatedData;
import io.github.eventcontracts.serde.EventAvroDeserializer;
import io.github.eventcontracts.serde.EventAvroSerializer;
import io.github.eventcontracts.serde.EventSerdeConfig;
import io.github.eventcontracts.tooling.topics.TopicPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the fault tests share: events, client settings, bounded waits, and the stack's processes. */
final class Faults {
  private Faults() {}

  static SkillCreated skillCreated(int i) {
    return SkillCreated.newBuilder().setEventId(UUID.randomUUID()).setTimestamp(Instant.now())
        .setData(SkillCreatedData.newBuilder().setSkillId("skill-" + (i % 97)).setName("skill " + i).build()).build();
  }

  static SkillUpdated skillUpdated(int i) {
    return SkillUpdated.newBuilder().setEventId(UUID.randomUUID()).setTimestamp(Instant.now())
        .setData(SkillUpdatedData.newBuilder().setSkillId("skill-" + i).setChanges(List.of("name")).build()).build();
  }

  static ProjectGenerated projectGenerated(int i) {
    return ProjectGenerated.newBuilder().setEventId(UUID.randomUUID()).setTimestamp(Instant.now())
        .setData(ProjectGeneratedData.newBuilder().setProjectId("project-" + i).setSkillId("skill-" + i)
            .setOutputPath("/out/" + i).setFiles(List.of("README.md")).build()).build();
  }

  /** A producer as the README recommends: acks=all, idempotence on, the Avro serializer. */
  static Map<String, Object> producerProps(String clientId) {
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.bootstrapServers());
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventAvroSerializer.class.getName());
    p.put(EventSerdeConfig.SCHEMA_REGISTRY_URL, LocalStack.REGISTRY);
    return p;
  }

  /** A consumer without a group (partitions assigned by the test), reading from the beginning. */
  static Map<String, Object> consumerProps(String clientId) {
    Map<String, Object> p = new HashMap<>();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.bootstrapServers());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, EventAvroDeserializer.class.getName());
    p.put(EventSerdeConfig.SCHEMA_REGISTRY_URL, LocalStack.REGISTRY);
    return p;
  }

  /**
   * Waits until {@code condition} holds, checking every 250 ms, for at most {@code timeout}; then fails with
   * {@code state}'s description of what was seen last.
   */
  static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last seen: "
            + state.get());
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /**
   * Describes {@code topics}, waiting (at most 30 s) until every broker knows them: on a multi-broker cluster a
   * topic reaches each broker's metadata a moment after it is created, and until then it is "unknown".
   */
  static Map<String, TopicDescription> describeCreated(Admin admin, List<String> topics) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw new AssertionError("cannot describe " + topics + ": " + e, e);
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted describing " + topics, e);
      }
    }
  }

  /** The partitions of {@code topics} whose ISR is not their full replica set, as "topic-p isr [..] of [..]". */
  static List<String> underReplicated(Admin admin, List<String> topics) {
    try {
      Map<String, TopicDescription> d = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
      List<String> out = new ArrayList<>();
      for (TopicDescription t : d.values()) {
        for (TopicPartitionInfo p : t.partitions()) {
          if (p.isr().size() != p.replicas().size() || p.replicas().size() != LocalStack.brokers()) {
            out.add(t.name() + "-" + p.partition() + " isr " + p.isr().stream().map(n -> n.id()).toList()
                + " of replicas " + p.replicas().stream().map(n -> n.id()).toList());
          }
        }
      }
      return out;
    } catch (Exception e) {
      return List.of("cannot describe " + topics + ": " + e);
    }
  }

  static Admin admin() {
    return Admin.create(TopicPlan.adminProperties(LocalStack.bootstrapServers()));
  }

  /** Fails unless the running stack has 3 brokers, saying how to get one. */
  static void requireThreeBrokers(String test) {
    if (LocalStack.brokers() < 3) {
      throw new AssertionError(test + " needs a 3-broker stack, but a " + LocalStack.brokers() + "-broker stack runs in "
          + LocalStack.stackDir() + ". Stop it with 'scripts/stack down' (its data is kept) and run the tests again: "
          + "they start 'scripts/stack up --brokers 3' themselves (or start it yourself).");
    }
  }
}
