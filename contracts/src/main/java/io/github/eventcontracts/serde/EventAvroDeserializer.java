package io.github.eventcontracts.serde;

import io.github.eventcontracts.codec.EventAvroCodec;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format (magic byte {@code 0}, 4-byte big-endian schema id, Avro binary) into the
 * generated classes. The writer schema is fetched from the registry by its id (once per id, then cached)
 * and Avro's schema resolution turns the data into the current class, so records written with an older (or
 * newer) registered version of the event are read as long as the versions are compatible.
 *
 * <p>Into which class: the one given to the constructor or by {@link EventSerdeConfig#SPECIFIC_AVRO_VALUE_TYPE}
 * (a record of another event is then an error); otherwise the class of the event whose Avro record the
 * writer schema is, so one consumer can read every topic. A null record (a tombstone) is read as null.
 *
 * <p>Configuration: {@link EventSerdeConfig}. Thread-safe.
 */
public class EventAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
  private final RegistryClient presetClient;
  private final Class<? extends SpecificRecord> presetType;
  private volatile RegistryClient client;
  private volatile Class<? extends SpecificRecord> type;
  private final Map<Integer, Schema> writerSchemas = new ConcurrentHashMap<>();
  private final Map<Integer, Entry> readers = new ConcurrentHashMap<>();
  private volatile Entry last;

  /** Per writer id: the reader of its data into the target class (bounds check included). */
  private record Entry(int id, Class<? extends SpecificRecord> configuredType, Schema writer,
      EventAvroCodec.Reader<? extends SpecificRecord> reader) {}

  /** Ids the registry answered 404 for, with when to ask again: a flood of such records makes no request each. */
  private final Map<Integer, Long> unknownIds = new ConcurrentHashMap<>();
  private static final long UNKNOWN_ID_RETRY_NANOS = 10_000_000_000L;

  /** Writer ids whose schema and reader are kept. */
  private static final int MAX_IDS = 10_000;

  /** For Kafka, which configures it from the client properties ({@link EventSerdeConfig}). */
  public EventAvroDeserializer() {
    this(null, null);
  }

  /** Reads every record into {@code type}; the registry comes from the properties. */
  public EventAvroDeserializer(Class<T> type) {
    this(null, type);
  }

  /**
   * With a registry client of one's own; {@code type} may be null to read each record into its own event's
   * class. Usable without {@code configure}.
   */
  public EventAvroDeserializer(RegistryClient client, Class<T> type) {
    this.presetClient = client;
    this.client = client;
    this.presetType = type == null ? null : Configs.checkEventClass("the deserializer's type", type);
    this.type = presetType;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Class<? extends SpecificRecord> configured = Configs.eventClass(configs,
        isKey ? EventSerdeConfig.SPECIFIC_AVRO_KEY_TYPE : EventSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE);
    this.type = presetType != null ? presetType : configured;
    this.client = presetClient != null ? presetClient : new RegistryClient(Configs.registry(configs));
    writerSchemas.clear(); // ids mean what this registry says they mean
    readers.clear();
    unknownIds.clear();
    last = null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    RegistryClient c = client;
    if (c == null) {
      throw new SerializationException("EventAvroDeserializer is not configured: set "
          + EventSerdeConfig.SCHEMA_REGISTRY_URL + " in the consumer's properties, or construct it with a RegistryClient");
    }
    if (data.length < EventAvroSerializer.HEADER_SIZE) {
      throw new SerializationException("cannot read a record of topic '" + topic + "': " + data.length
          + " byte(s) is too short for the Confluent wire format (magic byte 0, 4-byte schema id, Avro data)");
    }
    if (data[0] != EventAvroSerializer.MAGIC_BYTE) {
      throw new SerializationException("cannot read a record of topic '" + topic + "': unknown magic byte "
          + String.format("0x%02x", data[0] & 0xff) + " (expected 0x00): it is not in the Confluent Avro wire format"
          + (data[0] == '{' ? "; it looks like plain JSON, which EventJsonDeserializer reads" : ""));
    }
    int id = ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    Class<? extends SpecificRecord> configuredType = type;
    Entry e = last;
    if (e == null || e.id() != id || e.configuredType() != configuredType) {
      e = readers.get(id);
      if (e == null || e.configuredType() != configuredType) {
        Schema writer = writerSchema(c, topic, id);
        e = new Entry(id, configuredType, writer, EventAvroCodec.reader(writer, target(topic, id, writer)));
        if (readers.size() >= MAX_IDS) {
          readers.clear();
        }
        readers.put(id, e);
      }
      last = e;
    }
    try {
      return (T) e.reader().read(data, EventAvroSerializer.HEADER_SIZE, data.length - EventAvroSerializer.HEADER_SIZE);
    } catch (RuntimeException ex) {
      throw new SerializationException("cannot read a record of topic '" + topic + "' (schema id " + id + ", "
          + e.writer().getFullName() + "): the Avro data is truncated or corrupt: " + ex.getMessage(), ex);
    }
  }

  private Schema writerSchema(RegistryClient c, String topic, int id) {
    Schema cached = writerSchemas.get(id);
    if (cached != null) {
      return cached;
    }
    Long retryAt = unknownIds.get(id);
    if (retryAt != null && System.nanoTime() - retryAt < 0) {
      throw new SerializationException("cannot read a record of topic '" + topic + "': schema id " + id
          + " is unknown to the registry at " + c.url() + " (asked less than 10 s ago; the record was written "
          + "against another registry, or the schema was deleted, or the data is not what it seems)");
    }
    String text;
    try {
      text = c.schemaById(id);
    } catch (RegistryException e) {
      if (e.status() == 404) {
        if (unknownIds.size() >= 1_000) {
          unknownIds.clear();
        }
        unknownIds.put(id, System.nanoTime() + UNKNOWN_ID_RETRY_NANOS);
        throw new SerializationException("cannot read a record of topic '" + topic + "': schema id " + id
            + " is unknown to the registry at " + c.url() + " (the record was written against another registry, "
            + "or the schema was deleted, or the data is not what it seems)", e);
      }
      throw new SerializationException("cannot read a record of topic '" + topic + "': the writer schema (id " + id
          + ") could not be fetched: " + e.getMessage(), e);
    }
    Schema schema;
    try {
      schema = new Schema.Parser().parse(text);
    } catch (RuntimeException e) { // SchemaParseException, AvroTypeException, and an NPE for an unknown type
      throw new SerializationException("cannot read a record of topic '" + topic + "': schema id " + id
          + " is not an Avro schema (" + e.getMessage() + ")", e);
    }
    if (writerSchemas.size() >= MAX_IDS) {
      writerSchemas.clear();
    }
    Schema raced = writerSchemas.putIfAbsent(id, schema);
    return raced != null ? raced : schema;
  }

  private Class<? extends SpecificRecord> target(String topic, int id, Schema writer) {
    Class<? extends SpecificRecord> t = type;
    if (t != null) {
      Schema reader = SpecificData.get().getSchema(t);
      if (!writer.getFullName().equals(reader.getFullName()) && !reader.getAliases().contains(writer.getFullName())) {
        throw new SerializationException("cannot read a record of topic '" + topic + "' as " + t.getSimpleName()
            + ": it was written as " + writer.getFullName() + " (schema id " + id + ")");
      }
      return t;
    }
    EventContract event = writer.getType() == Schema.Type.RECORD ? Bundled.event(writer.getFullName()).orElse(null) : null;
    if (event == null) {
      throw new SerializationException("cannot read a record of topic '" + topic + "': its schema (id " + id + ", "
          + writer.getFullName() + ") is not an event of these contracts; known: " + Bundled.knownRecords());
    }
    return Bundled.classOf(event);
  }

  @Override
  public void close() {
    // the registry client holds no resources that need closing
  }
}
