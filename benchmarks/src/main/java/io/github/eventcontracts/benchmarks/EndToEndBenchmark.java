package io.github.eventcontracts.benchmarks;

import io.github.eventcontracts.events.ProjectGenerated;
import io.github.eventcontracts.serde.EventAvroDeserializer;
import io.github.eventcontracts.serde.EventAvroSerializer;
import io.github.eventcontracts.serde.EventJsonDeserializer;
import io.github.eventcontracts.serde.EventJsonSerializer;
import io.github.eventcontracts.serde.EventSerdeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Produce then consume 100,000 {@code project.generated} events through the local stack's brokers
 * ({@code scripts/stack up --brokers 3}; KAFKA_PORT), in each wire format with our serdes against Kafka's
 * {@code ByteArraySerializer}/{@code ByteArrayDeserializer} on the very bytes our serializer writes:
 * {@code avroSerdes} ({@link EventAvroSerializer}/{@link EventAvroDeserializer}) vs {@code avroBytes}, and
 * {@code jsonSerdes} ({@link EventJsonSerializer}/{@link EventJsonDeserializer}, validating both ways) vs
 * {@code jsonBytes}. One invocation (a round) = send all, flush, read all back from where the round started;
 * the score is milliseconds per 100,000 events. The topic has 1 partition, replicated to every broker up to 3
 * (min.insync.replicas 2 at 3, as the catalog's topics), written with acks=all. {@code benchmarks/run} then
 * prints each path's median round and its spread, and serdes / bytes ratios of the medians
 * ({@link Summary}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class EndToEndBenchmark {
  static final int EVENTS = 100_000;

  @Param({"avroBytes", "avroSerdes", "jsonBytes", "jsonSerdes"})
  public String path;

  private ProjectGenerated[] events;
  private byte[][] bytes;
  private String topic;
  private TopicPartition tp;
  private KafkaProducer<String, Object> producer;
  private KafkaConsumer<String, Object> consumer;

  @Setup(Level.Trial)
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void setup() throws Exception {
    topic = "bench-e2e-" + path + "-" + UUID.randomUUID().toString().substring(0, 8);
    tp = new TopicPartition(topic, 0);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BenchEvents.bootstrapServers()))) {
      int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
      short replicas = (short) Math.min(3, brokers);
      NewTopic t = new NewTopic(topic, 1, replicas);
      if (replicas == 3) {
        t.configs(Map.of("min.insync.replicas", "2"));
      }
      admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
    }
    boolean json = path.startsWith("json");
    boolean serdes = path.endsWith("Serdes");
    Serializer<ProjectGenerated> ser = json ? new EventJsonSerializer<>() : new EventAvroSerializer<>();
    ser.configure(BenchEvents.ourSerdeProps(), false);
    events = new ProjectGenerated[EVENTS];
    bytes = new byte[EVENTS][];
    for (int i = 0; i < EVENTS; i++) {
      events[i] = BenchEvents.projectGenerated(i);
      bytes[i] = ser.serialize(topic, events[i]);
    }
    Map<String, Object> p = new HashMap<>(BenchEvents.ourSerdeProps());
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BenchEvents.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, !serdes ? ByteArraySerializer.class.getName()
        : json ? EventJsonSerializer.class.getName() : EventAvroSerializer.class.getName());
    producer = new KafkaProducer<>(p);
    Map<String, Object> c = new HashMap<>(BenchEvents.ourSerdeProps());
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BenchEvents.bootstrapServers());
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, !serdes ? ByteArrayDeserializer.class.getName()
        : json ? EventJsonDeserializer.class.getName() : EventAvroDeserializer.class.getName());
    c.put(EventSerdeConfig.JSON_VALUE_TYPE, ProjectGenerated.class.getName());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    consumer = new KafkaConsumer<>(c);
    consumer.assign(List.of(tp));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    producer.close();
    consumer.close();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BenchEvents.bootstrapServers()))) {
      admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    }
  }

  @Benchmark
  public long produceAndConsume() {
    long start = consumer.endOffsets(List.of(tp)).get(tp);
    boolean serdes = path.endsWith("Serdes");
    for (int i = 0; i < EVENTS; i++) {
      producer.send(new ProducerRecord<>(topic, 0, null, serdes ? events[i] : bytes[i]));
    }
    producer.flush();
    consumer.seek(tp, start);
    long read = 0;
    long sum = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (read < EVENTS) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("read " + read + " of " + EVENTS + " events within 120 s");
      }
      for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(200))) {
        sum += r.value() != null ? 1 : 0;
        read++;
      }
    }
    return sum + read;
  }
}
