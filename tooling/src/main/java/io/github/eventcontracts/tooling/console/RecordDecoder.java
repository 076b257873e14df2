package io.github.eventcontracts.tooling.console;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryException;
import io.github.eventcontracts.serde.EventAvroDeserializer;
import io.github.eventcontracts.serde.EventAvroSerializer;
import io.github.eventcontracts.serde.EventJsonDeserializer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a record's value into the JSON event the platform documents, whatever its wire format: a value that
 * starts with the magic byte {@code 0} is read as the Confluent Avro wire format by
 * {@link EventAvroDeserializer} (the writer schema fetched from the registry by its id); any other value as
 * the platform's plain JSON by {@link EventJsonDeserializer}, validated against its contract. The event is
 * then written by {@link EventJsonCodec}, exactly as a producer of plain JSON would send it.
 */
public final class RecordDecoder {
  private static final JsonFactory JSON = new JsonFactory();

  private final EventJsonCodec codec;
  private final EventJsonDeserializer<SpecificRecord> json;
  private final EventAvroDeserializer<SpecificRecord> avro;

  /** A record that could not be read as an event; the message is one line. */
  public static final class UndecodableRecord extends Exception {
    public UndecodableRecord(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The registry could not be used at all (no answer within its deadline, or credentials refused): not a
   * fault of the record, so reading cannot go on.
   */
  public static final class RegistryUnavailable extends Exception {
    public RegistryUnavailable(String reason) {
      super(reason, null, false, false);
    }
  }

  /** @param registry the registry holding the Avro writer schemas, or null (then Avro records are undecodable) */
  public RecordDecoder(EventJsonCodec codec, RegistryClient registry) {
    this.codec = codec;
    this.json = new EventJsonDeserializer<>(codec, null);
    this.avro = registry == null ? null : new EventAvroDeserializer<>(registry, null);
  }

  /** The event a record's value holds. */
  public SpecificRecord decode(String topic, byte[] value) throws UndecodableRecord, RegistryUnavailable {
    if (value == null) {
      throw new UndecodableRecord("the value is null (a tombstone), not an event");
    }
    boolean isAvro = value.length > 0 && value[0] == EventAvroSerializer.MAGIC_BYTE;
    if (isAvro && avro == null) {
      throw new UndecodableRecord("the value is in the Confluent Avro wire format (magic byte 0), which needs the "
          + "schema registry: pass --registry URL or set SCHEMA_REGISTRY_URL");
    }
    try {
      return isAvro ? avro.deserialize(topic, value) : json.deserialize(topic, value);
    } catch (RuntimeException e) { // SerializationException with the reason; anything else is no less a bad record
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof RegistryException r && (r.status() == 0 || r.status() == 401 || r.status() == 403)) {
          throw new RegistryUnavailable(Text.oneLine(r.getMessage()));
        }
      }
      throw new UndecodableRecord((isAvro ? "Avro: " : "JSON: ")
          + Text.oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  /**
   * The event as one line of JSON, exactly as {@link EventJsonCodec#encode} writes it. An Avro record can be
   * well-formed for its writer schema and still break the JSON contract (an {@code event_type} that is not the
   * event's, a timestamp beyond year 9999): that is a record the contract cannot show, reported like any other.
   */
  public String print(SpecificRecord event) throws UndecodableRecord {
    try {
      return codec.encode(event);
    } catch (RuntimeException e) {
      throw new UndecodableRecord("Avro: decodes, but is not a valid " + event.getSchema().getName() + " event: "
          + Text.oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  /**
   * The event with where it was read from, as one line:
   * {@code {"topic":…,"partition":…,"offset":…,"key":…,"timestamp":…,"value":{event}}}; the key as UTF-8
   * text (null when absent), the timestamp as RFC 3339 in UTC, the value exactly as {@link #print} writes it.
   */
  public String printWithMetadata(ConsumerRecord<byte[], byte[]> record, SpecificRecord event)
      throws UndecodableRecord {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("topic", record.topic());
      g.writeNumberField("partition", record.partition());
      g.writeNumberField("offset", record.offset());
      if (record.key() == null) {
        g.writeNullField("key");
      } else {
        g.writeStringField("key", new String(record.key(), StandardCharsets.UTF_8));
      }
      if (record.timestamp() < 0) {
        g.writeNullField("timestamp");
      } else {
        g.writeStringField("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
      }
      g.writeFieldName("value");
      g.writeRawValue(print(event));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
