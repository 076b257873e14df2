package io.github.eventcontracts.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link EventJsonSerializer} and {@link EventJsonDeserializer} as one {@link Serde} (e.g. for Kafka Streams). */
public class EventJsonSerde<T extends SpecificRecord> implements Serde<T> {
  private final EventJsonSerializer<T> serializer;
  private final EventJsonDeserializer<T> deserializer;

  /** Reads each record into the class its {@code event_type} names (unless {@code json.value.type} is set). */
  public EventJsonSerde() {
    this(null);
  }

  /** Reads every record into {@code type}. */
  public EventJsonSerde(Class<T> type) {
    this.serializer = new EventJsonSerializer<>();
    this.deserializer = type == null ? new EventJsonDeserializer<>() : new EventJsonDeserializer<>(type);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
