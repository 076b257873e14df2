package io.github.eventcontracts.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** {@link EventJsonSerializer} and {@link EventJsonDeserializer} as one {@link Serde} (e.g. for Kafka Streams). */
public class EventJsonSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {
  /** Reads each record into the class its {@code event_type} names (unless {@code json.value.type} is set). */
  public EventJsonSerde() {
    this(null);
  }

  /** Reads every record into {@code type}. */
  public EventJsonSerde(Class<T> type) {
    super(new EventJsonSerializer<>(), type == null ? new EventJsonDeserializer<>() : new EventJsonDeserializer<>(type));
  }
}
