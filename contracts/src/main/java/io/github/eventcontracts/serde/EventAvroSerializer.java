package io.github.eventcontracts.serde;

import io.github.eventcontracts.codec.EventAvroCodec;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes events in the Confluent wire format: magic byte {@code 0}, the schema's registry id as a 4-byte
 * big-endian int, then the Avro binary encoding. Confluent's {@code KafkaAvroDeserializer} reads what this
 * writes, and {@link EventAvroDeserializer} reads what Confluent's serializer writes.
 *
 * <p>The subject is {@code <topic>-value} ({@code <topic>-key} for keys), from the topic the record is sent
 * to (TopicNameStrategy). The schema is the event's schema as bundled in this artifact, chosen by the
 * event's class, in exactly the text {@code scripts/contracts register} registers. By default
 * ({@link EventSerdeConfig#AUTO_REGISTER_SCHEMAS} false) the serializer only looks its id up, and fails
 * when the subject does not hold it. The first time it meets an id it also reads the schema back by id and
 * refuses to write if the registry returns it in a form that would decode differently. Ids are cached per
 * subject and event, so the registry is asked once.
 *
 * <p>Configuration: {@link EventSerdeConfig}. Thread-safe, as a producer's serializer must be.
 */
public class EventAvroSerializer<T extends SpecificRecord> implements Serializer<T> {
  /** The first byte of the Confluent wire format: magic byte, 4-byte big-endian schema id, Avro binary. */
  public static final byte MAGIC_BYTE = 0;
  static final int HEADER_SIZE = 5;

  private final RegistryClient presetClient;
  private volatile RegistryClient client;
  private volatile boolean autoRegister;
  private volatile boolean isKey;
  private final Map<SubjectEvent, Integer> ids = new ConcurrentHashMap<>();

  private final Map<Class<?>, PerClass> perClass = new ConcurrentHashMap<>();

  private record SubjectEvent(String subject, String eventType) {}

  /** Topics whose header is kept per event class (more are looked up in {@code ids} each time). */
  private static final int MAX_TOPICS = 10_000;

  /** Per event class: its contract and, per topic, the header of its schema's id (so no string is built per call). */
  private record PerClass(EventContract contract, Map<String, byte[]> headers) {
    PerClass(EventContract contract) {
      this(contract, new ConcurrentHashMap<>());
    }
  }

  /** For Kafka, which configures it from the client properties ({@link EventSerdeConfig}). */
  public EventAvroSerializer() {
    this.presetClient = null;
  }

  /**
   * With a registry client of one's own (shared, or set up in code); {@code configure} then reads only
   * {@link EventSerdeConfig#AUTO_REGISTER_SCHEMAS}. Usable without {@code configure} as a value serializer.
   */
  public EventAvroSerializer(RegistryClient client) {
    this.presetClient = client;
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Configs.requireTopicNameStrategy(configs, isKey);
    this.isKey = isKey;
    this.autoRegister = Configs.bool(configs, EventSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    this.client = presetClient != null ? presetClient : new RegistryClient(Configs.registry(configs));
    perClass.clear(); // ids and headers depend on the registry and on key/value
    ids.clear();
  }

  @Override
  public byte[] serialize(String topic, T event) {
    if (event == null) {
      return null;
    }
    RegistryClient c = client;
    if (c == null) {
      throw new SerializationException("EventAvroSerializer is not configured: set " + EventSerdeConfig.SCHEMA_REGISTRY_URL
          + " in the producer's properties, or construct it with a RegistryClient");
    }
    PerClass pc = perClass.get(event.getClass());
    if (pc == null) {
      EventContract contract = Bundled.event(event).orElseThrow(() -> new SerializationException("cannot write to topic '"
          + topic + "': " + event.getClass().getName() + " is not an event of these contracts; known: "
          + Bundled.knownRecords()));
      pc = perClass.computeIfAbsent(event.getClass(), k -> new PerClass(contract));
    }
    byte[] header = pc.headers.get(topic);
    if (header == null) {
      header = header(id(c, topic, subject(topic, isKey), pc.contract));
      if (pc.headers.size() < MAX_TOPICS) {
        pc.headers.putIfAbsent(topic, header);
      }
    }
    try {
      return EventAvroCodec.encode(header, event);
    } catch (RuntimeException e) {
      throw new SerializationException("cannot write " + pc.contract.eventType() + " to topic '" + topic
          + "': the event is incomplete or holds a value its schema does not allow: " + e.getMessage(), e);
    }
  }

  /** The wire-format header: magic byte, then the id as a 4-byte big-endian int. */
  private static byte[] header(int id) {
    return new byte[] {MAGIC_BYTE, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
  }

  /** The TopicNameStrategy subject: {@code <topic>-value}, or {@code <topic>-key} for keys. */
  public static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  private int id(RegistryClient c, String topic, String subject, EventContract contract) {
    SubjectEvent key = new SubjectEvent(subject, contract.eventType());
    Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    // exactly the text scripts/contracts register sends (RegistrationPlan): the bundled schema, not the
    // generated class's SCHEMA$, which carries avro.java.string properties and so is another schema text
    String schema = contract.avroSchema().toString();
    int id;
    try {
      if (autoRegister) {
        id = c.register(subject, schema, "AVRO");
      } else {
        id = c.lookup(subject, schema, "AVRO").map(RegistryClient.Registered::id)
            .orElseThrow(() -> notRegistered(c, topic, subject, contract));
      }
      checkReadBack(c, topic, subject, contract, id);
    } catch (RegistryException e) {
      throw new SerializationException("cannot write " + contract.eventType() + " to topic '" + topic
          + "': the schema id for subject '" + subject + "' could not be obtained: " + e.getMessage(), e);
    }
    Integer raced = ids.putIfAbsent(key, id);
    return raced != null ? raced : id;
  }

  /**
   * Once per id: consumers will decode with the schema the registry returns for the id, so it must have
   * this schema's fields in this order with these types (its Avro parsing canonical form). A registry
   * that rewrites schemas (Apicurio 2.x with registry.ccompat.use-canonical-hash reorders fields) would
   * make every consumer misread the data; refusing to write is the only safe answer.
   */
  private static void checkReadBack(RegistryClient c, String topic, String subject, EventContract contract, int id) {
    String stored = c.schemaById(id);
    String expected = SchemaNormalization.toParsingForm(contract.avroSchema());
    String actual;
    try {
      actual = SchemaNormalization.toParsingForm(new Schema.Parser().parse(stored));
    } catch (RuntimeException e) {
      actual = "unparseable: " + e.getMessage();
    }
    if (!expected.equals(actual)) {
      throw new SerializationException("refused to write " + contract.eventType() + " to topic '" + topic
          + "': the registry at " + c.url() + " returns schema id " + id + " (subject '" + subject + "') in "
          + "another form than the one registered (fields, their order or types differ), so consumers would "
          + "misread the data. Does the registry rewrite schemas (Apicurio: registry.ccompat.use-canonical-hash)?"
          + "\n  registered: " + expected + "\n  returned:   " + actual);
    }
  }

  private static SerializationException notRegistered(RegistryClient c, String topic, String subject,
      EventContract contract) {
    String state;
    try {
      List<Integer> versions = c.versions(subject);
      state = versions.isEmpty() ? "the registry has no subject '" + subject + "'"
          : "subject '" + subject + "' has versions " + versions + ", none of which is this artifact's "
              + contract.eventType() + " schema (is the artifact newer than what was registered?)";
    } catch (RegistryException e) {
      state = "subject '" + subject + "' does not hold this artifact's " + contract.eventType() + " schema";
    }
    return new SerializationException("cannot write " + contract.eventType() + " to topic '" + topic + "': " + state
        + " at " + c.url() + ". Subjects are registered, with their compatibility level, by the contracts "
        + "tooling: run scripts/contracts register --registry " + c.url()
        + " (or set " + EventSerdeConfig.AUTO_REGISTER_SCHEMAS + "=true to let producers register).");
  }

  @Override
  public void close() {
    // the registry client holds no resources that need closing
  }
}
