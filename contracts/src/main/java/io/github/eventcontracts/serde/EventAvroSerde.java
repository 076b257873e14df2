package io.github.eventcontracts.serde;

import io.github.eventcontracts.registry.RegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * {@link EventAvroSerializer} and {@link EventAvroDeserializer} as one {@link Serde} (e.g. for Kafka
 * Streams). Call {@code configure} with at least {@link EventSerdeConfig#SCHEMA_REGISTRY_URL}, or pass a
 * {@link RegistryClient}.
 */
public class EventAvroSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {
  /** Reads each record into its own event's class (unless {@code specific.avro.value.type} is set). */
  public EventAvroSerde() {
    this(null, null);
  }

  /** Reads every record into {@code type}. */
  public EventAvroSerde(Class<T> type) {
    this(null, type);
  }

  /** With a registry client of one's own (null: from the properties); {@code type} may be null. */
  public EventAvroSerde(RegistryClient client, Class<T> type) {
    super(client == null ? new EventAvroSerializer<>() : new EventAvroSerializer<>(client),
        new EventAvroDeserializer<>(client, type));
  }
}
