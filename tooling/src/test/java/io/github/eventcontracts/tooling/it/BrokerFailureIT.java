package io.github.eventcontracts.tooling.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.events.SkillCreated;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.serde.EventKeys;
import io.github.eventcontracts.tooling.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker killed (SIGKILL, by its PID from the stack's pid file) while a producer with acks=all and
 * idempotence writes 10,000 events through {@code EventAvroSerializer} to a topic the CLI created as the catalog
 * says (replication 3, min.insync.replicas 2): the producer raises nothing, a consumer reads every event exactly
 * once (by {@code event_id}) while the broker is still down, and once {@code scripts/stack up} has started it
 * again every partition's ISR is back to 3.
 */
@ExtendWith(LocalStack.class)
class BrokerFailureIT {
  private static final int EVENTS = 10_000;
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir
  Path tmp;

  @Test
  void aBrokerKilledWhileProducingLosesNoEventAndDuplicatesNoneAndItsReplicasCatchUp() throws Exception {
    Faults.requireThreeBrokers("BrokerFailureIT");
    TestRepo repo = Topics.uniqueTopics(new TestRepo(tmp));
    String prefix = Topics.prefix(repo);
    ContractModel model = ContractModel.load(repo.dir.resolve("schemas"));
    List<String> topics = model.catalog().topics().stream().map(Topic::name).toList();
    String topic = prefix + "skill.created";
    String killed = null;
    try (Admin admin = Faults.admin()) {
      TestRepo.Run register = repo.contracts("register", "--registry", LocalStack.REGISTRY);
      assertEquals(0, register.exit(), register.out() + register.err());
      // no override: replication 3 and min.insync.replicas 2, as the catalog says
      TestRepo.Run created = repo.contracts("topics", "--bootstrap-servers", LocalStack.bootstrapServers());
      assertEquals(0, created.exit(), created.out() + created.err());
      assertTrue(created.out().contains("replication 3, retention.ms 604800000, min.insync.replicas 2, "
          + "unclean.leader.election.enable false"), created.out());
      // a new topic reaches every broker a moment after creation: wait for full ISRs before the kill
      Faults.await("every partition of the new topics to have its ISR of 3", WAIT,
          () -> Faults.underReplicated(admin, topics).isEmpty(),
          () -> String.join("; ", Faults.underReplicated(admin, topics)));
      TopicDescription before = Faults.describeCreated(admin, List.of(topic)).get(topic);
      before.partitions().forEach(p -> assertEquals(3, p.isr().size(), "ISR before the kill: " + p));
      ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      assertEquals("2", admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r)
          .get("min.insync.replicas").value());

      // the leader of partition 0 dies while the producer writes
      killed = "kafka-" + before.partitions().get(0).leader().id();
      List<UUID> sent = new ArrayList<>(EVENTS);
      List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger acked = new AtomicInteger();
      long killedPid = -1;
      try (KafkaProducer<String, SkillCreated> producer = new KafkaProducer<>(Faults.producerProps(prefix + "producer"))) {
        for (int i = 0; i < EVENTS; i++) {
          if (i == EVENTS / 4) {
            Faults.await("the first 1,000 acknowledgements", WAIT, () -> acked.get() >= 1000 || !failures.isEmpty(),
                () -> acked.get() + " acked, failures " + failures);
            killedPid = LocalStack.pid(killed);
            LocalStack.signal(killedPid, "KILL");
            long pid = killedPid;
            Faults.await(killed + " (pid " + pid + ") to exit after SIGKILL", Duration.ofSeconds(10),
                () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), () -> "still alive");
          }
          SkillCreated event = Faults.skillCreated(i);
          sent.add(event.getEventId());
          producer.send(new ProducerRecord<>(topic, EventKeys.keyOf(event), event), (md, e) -> {
            if (e != null) {
              failures.add(e);
            } else {
              acked.incrementAndGet();
            }
          });
        }
        producer.flush();
      }
      assertEquals(List.of(), failures, "the producer raised errors while " + killed + " was down");
      assertEquals(EVENTS, acked.get(), "acknowledged sends");
      assertTrue(ProcessHandle.of(killedPid).map(h -> !h.isAlive()).orElse(true), killed + " is still down");

      // every event once, read while the broker is still down
      Map<UUID, Integer> received = new HashMap<>();
      AtomicInteger records = new AtomicInteger();
      try (KafkaConsumer<String, SkillCreated> consumer = new KafkaConsumer<>(Faults.consumerProps(prefix + "consumer"))) {
        List<TopicPartition> partitions = before.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Faults.await(EVENTS + " records", WAIT, () -> {
          for (ConsumerRecord<String, SkillCreated> rec : consumer.poll(Duration.ofMillis(500))) {
            received.merge(rec.value().getEventId(), 1, Integer::sum);
            records.incrementAndGet();
          }
          return records.get() >= EVENTS;
        }, () -> records.get() + " records read");
        // nothing more arrives: no duplicate hides behind the count
        assertEquals(0, consumer.poll(Duration.ofSeconds(2)).count(), "records beyond the " + EVENTS + " sent");
      }
      assertEquals(EVENTS, records.get(), "records read");
      List<UUID> duplicated = received.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
      assertEquals(List.of(), duplicated, "events read more than once");
      Set<UUID> missing = new HashSet<>(sent);
      missing.removeAll(received.keySet());
      assertEquals(Set.of(), missing, "events sent but not read");

      // started again by the stack script: every partition's ISR returns to 3
      assertEquals(0, LocalStack.stack("up", "--brokers", "3"), "scripts/stack up --brokers 3 after killing " + killed);
      assertNotEquals(killedPid, LocalStack.pid(killed), killed + " runs under a new PID");
      List<String> checked = new ArrayList<>(topics);
      if (admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true)).names()
          .get(30, TimeUnit.SECONDS).contains("__consumer_offsets")) {
        checked.add("__consumer_offsets");
      }
      Faults.await("every partition's ISR to be 3 again", WAIT, () -> Faults.underReplicated(admin, checked).isEmpty(),
          () -> String.join("; ", Faults.underReplicated(admin, checked)));
      killed = null;
    } finally {
      if (killed != null && LocalStack.stack("up", "--brokers", "3") != 0) {
        System.err.println("BrokerFailureIT: could not start " + killed + " again: scripts/stack up --brokers 3 failed");
      }
      Topics.cleanUp(prefix, topics);
    }
  }
}
