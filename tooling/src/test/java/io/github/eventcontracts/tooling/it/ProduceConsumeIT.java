package io.github.eventcontracts.tooling.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import io.github.eventcontracts.serde.EventAvroDeserializer;
import io.github.eventcontracts.serde.EventAvroSerializer;
import io.github.eventcontracts.serde.EventJsonSerde;
import io.github.eventcontracts.serde.EventKeys;
import io.github.eventcontracts.serde.EventSerdeConfig;
import io.github.eventcontracts.tooling.TestRepo;
import io.github.eventcontracts.tooling.topics.TopicPlan;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serdes against the real broker and registry of the local stack: the CLI registers the schemas and
 * creates the topics, a real producer writes every golden payload with {@link EventAvroSerializer} (keys
 * from {@link EventKeys}), and a real consumer in the catalog's notify-service group reads them back equal,
 * each on the partition of its key. One more topic carries plain JSON with {@link EventJsonSerde}.
 */
@ExtendWith(LocalStack.class)
class ProduceConsumeIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir
  Path tmp;

  /** One event as sent: where it went and with which key. */
  private record Sent(String topic, String key, SpecificRecord event, int partition) {}

  @Test
  void everyGoldenPayloadTravelsThroughKafkaAndComesBackEqualOnThePartitionOfItsKey() throws Exception {
    TestRepo repo = Topics.uniqueTopics(new TestRepo(tmp));
    String prefix = Topics.prefix(repo);
    ContractModel model = ContractModel.load(repo.dir.resolve("schemas"));   // the prefixed topic names

    try {
      TestRepo.Run register = repo.contracts("register", "--registry", LocalStack.REGISTRY);
      assertEquals(0, register.exit(), register.out() + register.err());
      TestRepo.Run topics = repo.contracts("topics", "--bootstrap-servers", LocalStack.BOOTSTRAP,
          "--replication-factor-override", "1");
      assertEquals(0, topics.exit(), topics.out() + topics.err());

      EventJsonCodec json = EventJsonCodec.create();
      List<SpecificRecord> golden = golden(json);
      assertTrue(golden.size() >= model.events().size(), "a golden payload per event: " + golden.size());

      // produce with the Avro serializer; subjects <topic>-value were registered by the CLI above
      Map<String, Object> producerProps = producerProps(prefix);
      producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventAvroSerializer.class.getName());
      producerProps.put(EventSerdeConfig.SCHEMA_REGISTRY_URL, LocalStack.REGISTRY);
      List<Sent> sent = new ArrayList<>();
      try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerProps)) {
        for (SpecificRecord event : golden) {
          String eventType = String.valueOf(event.get(event.getSchema().getField("event_type").pos()));
          Topic topic = model.catalog().topicForEvent(eventType).orElseThrow();
          String key = EventKeys.keyOf(event);
          RecordMetadata md = producer.send(new ProducerRecord<>(topic.name(), key, event)).get(30, TimeUnit.SECONDS);
          assertEquals(partitionFor(key, topic.partitions()), md.partition(), "partition of key " + key);
          sent.add(new Sent(topic.name(), key, event, md.partition()));
        }
      }

      // consume as the catalog's notify-service, which reads every topic
      String site = "it-" + UUID.randomUUID().toString().substring(0, 8);
      var notify = model.catalog().consumerGroup("notify-service").orElseThrow();
      assertTrue(notify.allTopics() && notify.topics().size() == model.events().size(), notify.toString());
      Map<String, Object> consumerProps = consumerProps(notify.groupId(site));
      consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, EventAvroDeserializer.class.getName());
      consumerProps.put(EventSerdeConfig.SCHEMA_REGISTRY_URL, LocalStack.REGISTRY);
      List<ConsumerRecord<String, SpecificRecord>> received;
      try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(consumerProps)) {
        consumer.subscribe(notify.topics());
        received = pollUntil(consumer, sent.size());
      }
      assertReceived(sent, received);

      // the bytes on the wire: magic byte 0 and the id the registry holds for <topic>-value
      RegistryClient registry = new RegistryClient(RegistryConfig.of(LocalStack.REGISTRY));
      String skillTopic = prefix + "skill.created";
      int registeredId = registry.lookup(skillTopic + "-value",
          model.event("skill.created").orElseThrow().avroSchema().toString(), "AVRO").orElseThrow().id();
      Map<String, Object> rawProps = consumerProps("raw-" + site);
      rawProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      try (KafkaConsumer<String, byte[]> raw = new KafkaConsumer<>(rawProps)) {
        raw.subscribe(List.of(skillTopic));
        int expected = (int) sent.stream().filter(s -> s.topic().equals(skillTopic)).count();
        List<ConsumerRecord<String, byte[]>> records = pollUntil(raw, expected);
        assertEquals(expected, records.size(), "raw records of " + skillTopic);
        for (ConsumerRecord<String, byte[]> r : records) {
          assertEquals(0, r.value()[0], "magic byte");
          assertEquals(registeredId, ByteBuffer.wrap(r.value(), 1, 4).getInt(), "schema id");
        }
      }
    } finally {
      Topics.cleanUp(prefix, model.catalog().topics().stream().map(Topic::name).toList());
    }
  }

  @Test
  void plainJsonTravelsWithTheJsonSerde() throws Exception {
    TestRepo repo = Topics.uniqueTopics(new TestRepo(tmp));
    String prefix = Topics.prefix(repo);
    ContractModel model = ContractModel.load(repo.dir.resolve("schemas"));
    Topic skillCreated = model.catalog().topicForEvent("skill.created").orElseThrow();
    // the platform's current producers send plain JSON; this topic is outside the catalog, as theirs are
    String topic = prefix + "skill.created.json";
    try (Admin admin = Admin.create(TopicPlan.adminProperties(LocalStack.BOOTSTRAP))) {
      admin.createTopics(List.of(new NewTopic(topic, skillCreated.partitions(), (short) 1))).all().get(30, TimeUnit.SECONDS);
    }

    try {
      EventJsonCodec json = EventJsonCodec.create();
      List<SpecificRecord> events = golden(json).stream()
          .filter(e -> e.getSchema().getFullName().equals(model.event("skill.created").orElseThrow().avroSchema().getFullName()))
          .toList();
      assertFalse(events.isEmpty());

      List<Sent> sent = new ArrayList<>();
      try (EventJsonSerde<SpecificRecord> serde = new EventJsonSerde<>();
          KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerProps(prefix),
              new StringSerializer(), serde.serializer())) {
        for (SpecificRecord event : events) {
          String key = EventKeys.keyOf(event);
          RecordMetadata md = producer.send(new ProducerRecord<>(topic, key, event)).get(30, TimeUnit.SECONDS);
          assertEquals(partitionFor(key, skillCreated.partitions()), md.partition(), "partition of key " + key);
          sent.add(new Sent(topic, key, event, md.partition()));
        }
      }

      String site = "it-" + UUID.randomUUID().toString().substring(0, 8);
      String groupId = model.catalog().readersOf(skillCreated.name()).stream()
          .filter(g -> !g.allTopics()).findFirst().orElseThrow().groupId(site);   // gen-service
      try (EventJsonSerde<SpecificRecord> serde = new EventJsonSerde<>();
          KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(consumerProps(groupId),
              new StringDeserializer(), serde.deserializer())) {
        consumer.subscribe(List.of(topic));
        assertReceived(sent, pollUntil(consumer, sent.size()));
      }
      // and what is on the wire is the platform's JSON, exactly as the codec writes it
      Map<String, Object> rawProps = consumerProps("raw-" + site);
      rawProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      try (KafkaConsumer<String, byte[]> raw = new KafkaConsumer<>(rawProps)) {
        raw.subscribe(List.of(topic));
        List<String> payloads = pollUntil(raw, sent.size()).stream()
            .map(r -> new String(r.value(), StandardCharsets.UTF_8)).sorted().toList();
        assertEquals(sent.stream().map(s -> json.encode(s.event())).sorted().toList(), payloads);
      }
    } finally {
      Topics.cleanUp(prefix, List.of(topic));
    }
  }

  /** Every golden payload of every released version (schema.json excepted), read with the JSON codec. */
  private static List<SpecificRecord> golden(EventJsonCodec json) throws Exception {
    Path dir = TestRepo.repoRoot().resolve("compat-tests/golden");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.getParent().getFileName().toString().equals("v1"))
          .filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("schema.json"))
          .sorted().toList();
    }
    List<SpecificRecord> out = new ArrayList<>();
    for (Path f : files) {
      out.add(json.decode(Files.readString(f)));
    }
    return out;
  }

  /** The partition Kafka's default partitioner picks for a String key: murmur2 of its bytes. */
  private static int partitionFor(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** Every event sent came back once, equal, with its key, on the partition of its key. */
  private static void assertReceived(List<Sent> sent, List<ConsumerRecord<String, SpecificRecord>> received) {
    assertEquals(sent.size(), received.size(), "records received: " + received);
    List<ConsumerRecord<String, SpecificRecord>> left = new ArrayList<>(received);
    for (Sent s : sent) {
      ConsumerRecord<String, SpecificRecord> r = left.stream()
          .filter(c -> c.topic().equals(s.topic()) && s.event().equals(c.value())).findFirst()
          .orElseThrow(() -> new AssertionError("not received (or received changed) on " + s.topic() + ": "
              + s.event() + "\nreceived: " + received));
      left.remove(r);
      assertEquals(s.event().getClass(), r.value().getClass());
      assertEquals(s.key(), r.key());
      assertEquals(s.key(), EventKeys.keyOf(r.value()));
      assertEquals(s.partition(), r.partition(), "partition of key " + s.key() + " on " + s.topic());
    }
  }

  /** Polls until {@code count} records have arrived or the timeout passes (then returns what arrived). */
  private static <V> List<ConsumerRecord<String, V>> pollUntil(KafkaConsumer<String, V> consumer, int count) {
    List<ConsumerRecord<String, V>> out = new ArrayList<>();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (out.size() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(500)).forEach(out::add);
    }
    return out;
  }

  private static Map<String, Object> producerProps(String clientPrefix) {
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.BOOTSTRAP);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientPrefix + "producer");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    return p;
  }

  private static Map<String, Object> consumerProps(String groupId) {
    Map<String, Object> p = new HashMap<>();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.BOOTSTRAP);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return p;
  }
}
