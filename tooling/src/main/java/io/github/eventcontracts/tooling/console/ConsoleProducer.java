package io.github.eventcontracts.tooling.console;

import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.codec.EventValidationException;
import io.github.eventcontracts.codec.Violation;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import io.github.eventcontracts.serde.EventAvroSerializer;
import io.github.eventcontracts.serde.EventJsonSerializer;
import io.github.eventcontracts.serde.EventKeys;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events given as the platform's JSON, one per line: each line is validated against its event's
 * contract ({@link EventJsonCodec}, every violation listed), then sent to the catalog's topic for its
 * {@code event_type}, keyed by the catalog's key ({@link EventKeys}), in the topic's wire format (or the one
 * asked for) through the artifact's serializers: {@link EventAvroSerializer} (Confluent wire format, the
 * subject {@code <topic>-value} must hold the schema) or {@link EventJsonSerializer}.
 *
 * <p>Invalid lines are reported as {@code SOURCE:LINE: reason} and skipped; the others are sent with
 * {@code acks=all} by an idempotent producer and flushed. The first broker or registry failure stops the
 * run: the {@link Outcome} says which lines were sent before it. Before the first record to a topic the
 * topic is looked up (the broker would otherwise create a missing one with its own defaults).
 */
public final class ConsoleProducer {
  /** The longest line read (Kafka's default max.request.size); a longer one is an invalid line. */
  public static final int MAX_LINE_BYTES = 1 << 20;

  private final ContractModel model;
  private final EventJsonCodec codec;
  private final SchemaFormat formatOverride;
  private final Map<String, Object> clientProperties;
  private final RegistryConfig registry;
  private final Duration brokerTimeout;

  /**
   * @param formatOverride   the wire format for every topic, or null for each topic's catalog {@code wire_format}
   * @param clientProperties bootstrap.servers and any security settings, for the producer and the topic lookup
   * @param registry         the registry for Avro, or null (then only JSON can be sent)
   * @param brokerTimeout    how long to wait for the brokers: metadata, each record's delivery, the topic lookup
   */
  public ConsoleProducer(ContractModel model, SchemaFormat formatOverride, Map<String, Object> clientProperties,
      RegistryConfig registry, Duration brokerTimeout) {
    this.model = model;
    this.codec = new EventJsonCodec(model);
    this.formatOverride = formatOverride;
    this.clientProperties = Map.copyOf(clientProperties);
    this.registry = registry;
    this.brokerTimeout = brokerTimeout;
  }

  /** A line ready to be sent: its event, where it goes, with which key and in which format. */
  public record Prepared(int line, SpecificRecord event, String eventType, Topic topic, String key, SchemaFormat format) {}

  /** A line that is not a valid event; {@code reason} is one line naming every problem. */
  public static final class InvalidLine extends Exception {
    public InvalidLine(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * What a run did.
   *
   * @param dryRun      nothing was sent; {@code sentLines} are the lines that would have been
   * @param sentLines   the lines sent (acknowledged by the brokers), in order
   * @param perTopic    how many events went (or would go) to each topic, in the order first met
   * @param formats     each topic's wire format
   * @param invalid     how many lines were invalid (reported, not sent)
   * @param failedLines lines handed to the producer that were not acknowledged
   * @param stoppedAt   the line at which the run stopped on a failure (it and the lines after were not sent), or 0
   * @param failure     what stopped the run, or null when the input was read to its end
   */
  public record Outcome(boolean dryRun, List<Integer> sentLines, Map<String, Integer> perTopic,
      Map<String, SchemaFormat> formats, int invalid, List<Integer> failedLines, int stoppedAt, String failure) {}

  /** Validates one line and works out its topic, key and format. */
  public Prepared prepare(int line, String text) throws InvalidLine {
    SpecificRecord event;
    try {
      event = codec.decode(text);
    } catch (EventValidationException e) {
      throw new InvalidLine(describe(e));
    }
    String eventType = String.valueOf(event.get(event.getSchema().getField("event_type").pos()));
    EventContract contract = model.event(eventType).orElseThrow(() -> new InvalidLine("event type '" + eventType
        + "' has no topic in the catalog"));
    String key;
    try {
      key = EventKeys.keyOf(model, event);
    } catch (RuntimeException e) {
      throw new InvalidLine(Text.oneLine(e.getMessage()));
    }
    Topic topic = contract.topic();
    return new Prepared(line, event, eventType, topic, key, formatOverride != null ? formatOverride : topic.wireFormat());
  }

  /** Every violation of a rejected payload, on one line. */
  static String describe(EventValidationException e) {
    List<Violation> v = e.violations();
    return (e.eventType() == null ? "not a valid event" : "invalid " + e.eventType() + " event") + " (" + v.size()
        + (v.size() == 1 ? " violation" : " violations") + "): "
        + v.stream().map(x -> x.path() + ": " + Text.oneLine(x.reason())).collect(Collectors.joining("; "));
  }

  /**
   * Reads every line of {@code in}, reports invalid ones on {@code err} as {@code SOURCE:LINE: reason} and
   * sends the valid ones (or, for a dry run, prints on {@code out} where each would go). Blank lines are skipped.
   */
  public Outcome run(String source, InputStream in, boolean dryRun, PrintWriter out, PrintWriter err) {
    InputLines lines = new InputLines(in, MAX_LINE_BYTES);
    try (Sender sender = dryRun ? null : new Sender()) {
      Map<String, Integer> perTopic = new LinkedHashMap<>();
      Map<String, SchemaFormat> formats = new LinkedHashMap<>();
      List<Integer> wouldSend = new ArrayList<>();
      int invalid = 0;
      int stoppedAt = 0;
      String failure = null;
      for (InputLines.Line line = lines.next(); line != null; line = lines.next()) {
        if (sender != null && sender.failure.get() != null) {
          stoppedAt = line.number();
          break;
        }
        Prepared p;
        try {
          p = prepare(line);
        } catch (InvalidLine e) {
          err.println(source + ":" + line.number() + ": " + e.getMessage());
          invalid++;
          continue;
        }
        if (p == null) {
          continue; // blank
        }
        formats.putIfAbsent(p.topic().name(), p.format());
        if (sender == null) {
          out.println(source + ":" + line.number() + ": " + p.eventType() + " -> topic " + p.topic().name() + ", key "
              + p.key() + ", " + p.format().key());
          perTopic.merge(p.topic().name(), 1, Integer::sum);
          wouldSend.add(line.number());
          continue;
        }
        failure = sender.send(p);
        if (failure != null) {
          stoppedAt = line.number();
          break;
        }
      }
      if (sender == null) {
        return new Outcome(true, wouldSend, perTopic, formats, invalid, List.of(), 0, null);
      }
      sender.flush();
      if (failure == null) {
        failure = sender.failure.get();
      }
      return sender.outcome(perTopic, formats, invalid, stoppedAt, failure);
    }
  }

  private Prepared prepare(InputLines.Line line) throws InvalidLine {
    if (line.tooLong()) {
      throw new InvalidLine("the line is longer than " + MAX_LINE_BYTES + " bytes; one event per line");
    }
    if (line.malformed()) {
      throw new InvalidLine("the line is not valid UTF-8");
    }
    if (line.text().isBlank()) {
      return null;
    }
    return prepare(line.number(), line.text());
  }

  /** The producer side: created on the first valid line, so that a dry run never connects. */
  private final class Sender implements AutoCloseable {
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final Map<Integer, String> acked = new ConcurrentHashMap<>();
    private final Map<Integer, String> failed = new ConcurrentHashMap<>();
    private final Set<String> checkedTopics = new HashSet<>();
    private final Map<SchemaFormat, Serializer<SpecificRecord>> serializers = new HashMap<>();
    private KafkaProducer<String, byte[]> producer;
    private Admin admin;

    /** Sends one line; returns why it could not (the run stops), or null. */
    String send(Prepared p) {
      String topic = p.topic().name();
      String problem = checkTopic(topic);
      if (problem != null) {
        return problem;
      }
      byte[] value;
      try {
        value = serializer(p.format()).serialize(topic, p.event());
      } catch (RuntimeException e) {
        return Text.oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
      }
      int line = p.line();
      try {
        producer().send(new ProducerRecord<>(topic, p.key(), value), (md, e) -> {
          if (e == null) {
            acked.put(line, topic);
          } else {
            String reason = brokerProblem(topic, e);
            failed.put(line, reason);
            failure.compareAndSet(null, "line " + line + " was not delivered: " + reason);
          }
        });
      } catch (RuntimeException e) {
        return brokerProblem(topic, e);
      }
      return null;
    }

    private String checkTopic(String topic) {
      if (checkedTopics.contains(topic)) {
        return null;
      }
      try {
        admin().describeTopics(List.of(topic)).allTopicNames().get(brokerTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          return "topic '" + topic + "' does not exist at " + bootstrap() + ": create the catalog's topics with "
              + "scripts/contracts topics --bootstrap-servers " + bootstrap();
        }
        return brokerProblem(topic, e.getCause());
      } catch (java.util.concurrent.TimeoutException e) {
        return unreachable();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
      checkedTopics.add(topic);
      return null;
    }

    private String brokerProblem(String topic, Throwable e) {
      if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
        return unreachable() + " (" + Text.oneLine(e.getMessage()) + ")";
      }
      return "cannot send to topic '" + topic + "': " + Text.oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private String unreachable() {
      return "the brokers at " + bootstrap() + " did not answer within " + brokerTimeout.toMillis()
          + " ms (--broker-timeout-ms): are they running and reachable, and is --command-config right?";
    }

    private Serializer<SpecificRecord> serializer(SchemaFormat format) {
      return serializers.computeIfAbsent(format, f -> {
        if (f == SchemaFormat.JSON) {
          return new EventJsonSerializer<>(codec);
        }
        if (registry == null) {
          throw new IllegalStateException("Avro needs the schema registry: pass --registry URL or set "
              + "SCHEMA_REGISTRY_URL (or send plain JSON with --format json)");
        }
        EventAvroSerializer<SpecificRecord> s = new EventAvroSerializer<>(new RegistryClient(registry));
        s.configure(Map.of(), false);
        return s;
      });
    }

    private Admin admin() {
      if (admin == null) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        int timeout = (int) Math.min(Integer.MAX_VALUE, brokerTimeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "contracts-produce-admin");
        admin = Admin.create(props);
      }
      return admin;
    }

    private KafkaProducer<String, byte[]> producer() {
      if (producer == null) {
        producer = new KafkaProducer<>(producerProperties(clientProperties, brokerTimeout), new StringSerializer(),
            new ByteArraySerializer());
      }
      return producer;
    }

    void flush() {
      if (producer != null) {
        producer.flush();
      }
    }

    Outcome outcome(Map<String, Integer> perTopic, Map<String, SchemaFormat> formats, int invalid, int stoppedAt,
        String failure) {
      TreeMap<Integer, String> sent = new TreeMap<>(acked);
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String topic : formats.keySet()) {
        int n = (int) sent.values().stream().filter(topic::equals).count();
        if (n > 0) {
          counts.put(topic, n);
        }
      }
      perTopic.putAll(counts);
      return new Outcome(false, List.copyOf(sent.keySet()), perTopic, formats, invalid,
          failed.keySet().stream().sorted().toList(), stoppedAt, failure);
    }

    @Override
    public void close() {
      if (producer != null) {
        producer.close(brokerTimeout);
      }
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
    }
  }

  /** acks=all, idempotent, every wait bounded by the broker timeout; the caller's security settings kept. */
  static Map<String, Object> producerProperties(Map<String, Object> clientProperties, Duration brokerTimeout) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    int timeout = (int) Math.min(Integer.MAX_VALUE, brokerTimeout.toMillis());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "contracts-produce");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeout));
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
    return props;
  }

  private String bootstrap() {
    return String.valueOf(clientProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
  }
}
