package io.github.eventcontracts.tooling.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.serde.EventKeys;
import io.github.eventcontracts.serde.EventSerdeConfig;
import io.github.eventcontracts.tooling.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry frozen (SIGSTOP), then stopped, while a consumer reads and a producer writes: ids the serdes have
 * met are served from their caches (sends go on, records decode); a record with an id the deserializer has not
 * met fails with a SerializationException within {@code schema.registry.timeout.ms}, never a hang; decoding
 * resumes once the registry is back (SIGCONT; then started again by {@code scripts/stack up}, its H2 file
 * keeping every id).
 */
@ExtendWith(LocalStack.class)
class RegistryFailureIT {
  private static final long REGISTRY_TIMEOUT_MS = 3000;
  /** The bound asserted: the configured timeout, plus a fetch round trip and a loaded 2-core machine's slack. */
  private static final long BOUND_MS = REGISTRY_TIMEOUT_MS + 5000;
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path tmp;

  @Test
  void cachedIdsKeepWorkingAnUnmetIdFailsInBoundedTimeAndDecodingResumesWhenTheRegistryIsBack() throws Exception {
    TestRepo repo = Topics.uniqueTopics(new TestRepo(tmp));
    String prefix = Topics.prefix(repo);
    ContractModel model = ContractModel.load(repo.dir.resolve("schemas"));
    List<String> topics = model.catalog().topics().stream().map(Topic::name).toList();
    String created = prefix + "skill.created";
    String updated = prefix + "skill.updated";
    String generated = prefix + "project.generated";
    boolean frozen = false;
    boolean stopped = false;
    long registryPid = -1;
    try {
      TestRepo.Run register = repo.contracts("register", "--registry", LocalStack.REGISTRY);
      assertEquals(0, register.exit(), register.out() + register.err());
      List<String> topicsArgs = new ArrayList<>(List.of("topics", "--bootstrap-servers", LocalStack.bootstrapServers()));
      if (LocalStack.brokers() < 3) {
        topicsArgs.addAll(List.of("--replication-factor-override", "1"));
      }
      TestRepo.Run made = repo.contracts(topicsArgs.toArray(String[]::new));
      assertEquals(0, made.exit(), made.out() + made.err());

      Map<String, Object> consumerProps = Faults.consumerProps(prefix + "consumer");
      consumerProps.put(EventSerdeConfig.SCHEMA_REGISTRY_TIMEOUT_MS, REGISTRY_TIMEOUT_MS);
      try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Faults.producerProps(prefix + "producer"));
          KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(consumerProps)) {
        // the producer meets all three ids; the consumer meets skill.created's only
        send(producer, created, Faults.skillCreated(0));
        send(producer, updated, Faults.skillUpdated(0));
        send(producer, generated, Faults.projectGenerated(0));
        List<TopicPartition> createdParts = partitions(created, model);
        consumer.assign(createdParts);
        consumer.seekToBeginning(createdParts);
        assertEquals(1, readAtLeast(consumer, 1).size());

        // frozen: the process accepts connections and answers nothing
        registryPid = LocalStack.pid("registry");
        LocalStack.signal(registryPid, "STOP");
        frozen = true;
        send(producer, created, Faults.skillCreated(1));      // cached ids: sends go on
        send(producer, updated, Faults.skillUpdated(1));
        assertEquals(1, readAtLeast(consumer, 1).size(), "a record whose id the deserializer has met decodes");
        assignFromBeginning(consumer, updated, model);
        RecordDeserializationException unmet = failsInBoundedTime(consumer, "frozen");

        // back: the same record decodes
        LocalStack.signal(registryPid, "CONT");
        frozen = false;
        consumer.seek(unmet.topicPartition(), unmet.offset());
        List<ConsumerRecord<String, SpecificRecord>> resumed = readAtLeast(consumer, 1);
        assertEquals("skill.updated", resumed.get(0).value().get(1).toString(), "decoding resumes after SIGCONT");

        // stopped (TERM): connections are refused
        LocalStack.signal(registryPid, "TERM");
        long pid = registryPid;
        Faults.await("the registry (pid " + pid + ") to exit after SIGTERM", WAIT,
            () -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), () -> "still running");
        stopped = true;
        send(producer, created, Faults.skillCreated(2));       // cached ids: sends go on
        send(producer, updated, Faults.skillUpdated(2));
        send(producer, generated, Faults.projectGenerated(2));
        assignFromBeginning(consumer, generated, model);
        RecordDeserializationException unmetWhileDown = failsInBoundedTime(consumer, "stopped");

        // started again by the stack script: the same record decodes
        assertEquals(0, LocalStack.stack("up"), "scripts/stack up after stopping the registry");
        stopped = false;
        consumer.seek(unmetWhileDown.topicPartition(), unmetWhileDown.offset());
        List<ConsumerRecord<String, SpecificRecord>> again = readAtLeast(consumer, 1);
        assertEquals("project.generated", again.get(0).value().get(1).toString(), "decoding resumes after a restart");
      }
    } finally {
      if (frozen) {
        LocalStack.signal(registryPid, "CONT");
      }
      if (stopped || frozen) {
        LocalStack.stack("up");
      }
      Topics.cleanUp(prefix, topics);
    }
  }

  private static void send(KafkaProducer<String, SpecificRecord> producer, String topic, SpecificRecord event)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, EventKeys.keyOf(event), event)).get(30, TimeUnit.SECONDS);
  }

  private static List<TopicPartition> partitions(String topic, ContractModel model) {
    int n = model.catalog().topic(topic).orElseThrow().partitions();
    List<TopicPartition> out = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      out.add(new TopicPartition(topic, p));
    }
    return out;
  }

  /** Switches the consumer to {@code topic} from its beginning (records whose id the consumer has not met). */
  private static void assignFromBeginning(KafkaConsumer<String, SpecificRecord> consumer, String topic,
      ContractModel model) {
    List<TopicPartition> parts = partitions(topic, model);
    consumer.assign(parts);
    consumer.seekToBeginning(parts);
  }

  /** Polls until a record arrives (at least {@code n}), bounded; a deserialization error fails the test. */
  private static List<ConsumerRecord<String, SpecificRecord>> readAtLeast(KafkaConsumer<String, SpecificRecord> consumer,
      int n) {
    List<ConsumerRecord<String, SpecificRecord>> out = new ArrayList<>();
    Faults.await(n + " record(s)", WAIT, () -> {
      consumer.poll(Duration.ofMillis(500)).forEach(out::add);
      return out.size() >= n;
    }, () -> out.size() + " read");
    return out;
  }

  /**
   * Polls until the record with the unmet id fails: a RecordDeserializationException whose cause is the
   * deserializer's SerializationException, within the bound (each poll is timed on its own). Returns it: its
   * partition and offset say where to seek to read the record again.
   */
  private static RecordDeserializationException failsInBoundedTime(KafkaConsumer<String, SpecificRecord> consumer, String registryState) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      try {
        var records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          fail("a record with an id the deserializer has not met decoded while the registry was " + registryState
              + ": " + records.iterator().next());
        }
      } catch (RecordDeserializationException e) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertInstanceOf(SerializationException.class, e.getCause(), "cause of " + e);
        assertTrue(e.getCause().getMessage().contains("could not be fetched"), e.getCause().getMessage());
        assertTrue(ms <= BOUND_MS, "the unmet id failed after " + ms + " ms with the registry " + registryState
            + "; schema.registry.timeout.ms is " + REGISTRY_TIMEOUT_MS + " (bound " + BOUND_MS + " ms)");
        System.out.println("RegistryFailureIT: registry " + registryState + ": unmet schema id failed after " + ms
            + " ms (schema.registry.timeout.ms " + REGISTRY_TIMEOUT_MS + "): " + e.getCause().getMessage());
        return e;
      }
    }
    throw new AssertionError("no record of an unmet id arrived within " + WAIT.toSeconds() + " s");
  }
}
