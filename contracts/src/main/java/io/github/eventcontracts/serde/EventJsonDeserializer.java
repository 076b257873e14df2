package io.github.eventcontracts.serde;

import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.codec.EventValidationException;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the platform's plain JSON events into the generated classes. Every payload is validated against its
 * event's JSON Schema first: an invalid one is never half-read but refused with a
 * {@link SerializationException} that names the topic and lists every violation (JSON path and reason);
 * its cause is the {@link EventValidationException}, whose {@code violations()} a consumer may log or route.
 *
 * <p>Into which class: the one given to the constructor or by {@link EventSerdeConfig#JSON_VALUE_TYPE} (a
 * payload of another event type is then refused); otherwise the class its {@code event_type} names. A null
 * record (a tombstone) is read as null. Thread-safe.
 */
public class EventJsonDeserializer<T extends SpecificRecord> implements Deserializer<T> {
  private final EventJsonCodec codec;
  private final Class<? extends SpecificRecord> presetType;
  private volatile Class<? extends SpecificRecord> type;

  /** With the contracts bundled in this artifact, dispatching on {@code event_type} unless configured. */
  public EventJsonDeserializer() {
    this(Bundled.jsonCodec(), null);
  }

  /** Reads every record into {@code type}. */
  public EventJsonDeserializer(Class<T> type) {
    this(Bundled.jsonCodec(), type);
  }

  /** With a codec of one's own; {@code type} may be null to dispatch on {@code event_type}. */
  public EventJsonDeserializer(EventJsonCodec codec, Class<T> type) {
    this.codec = codec;
    this.presetType = type == null ? null : Configs.checkEventClass("the deserializer's type", type);
    this.type = presetType;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Class<? extends SpecificRecord> configured = Configs.eventClass(configs,
        isKey ? EventSerdeConfig.JSON_KEY_TYPE : EventSerdeConfig.JSON_VALUE_TYPE);
    this.type = presetType != null ? presetType : configured;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    Class<? extends SpecificRecord> t = type;
    try {
      return (T) (t == null ? codec.decode(data) : codec.decode(data, t));
    } catch (EventValidationException e) {
      String hint = data.length > 0 && data[0] == EventAvroSerializer.MAGIC_BYTE
          ? "\n(the record starts with byte 0x00: it looks like the Confluent Avro wire format, which "
              + "EventAvroDeserializer reads)" : "";
      throw new SerializationException("refused a record of topic '" + topic + "': " + e.getMessage() + hint, e);
    } catch (RuntimeException e) {
      throw new SerializationException("cannot read a record of topic '" + topic + "': " + e.getMessage(), e);
    }
  }
}
