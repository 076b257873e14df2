package io.github.eventcontracts.serde;

import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.codec.EventValidationException;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes events as the platform's plain JSON (UTF-8, no registry framing): what the platform's current
 * producers send. Every payload is validated against its event's JSON Schema before it is sent; an invalid
 * one is refused with a {@link SerializationException} that names the topic and lists every violation (JSON
 * path and reason), and whose cause is the {@link EventValidationException}. Thread-safe.
 */
public class EventJsonSerializer<T extends SpecificRecord> implements Serializer<T> {
  private final EventJsonCodec codec;

  /** With the contracts bundled in this artifact. */
  public EventJsonSerializer() {
    this(Bundled.jsonCodec());
  }

  /** With a codec of one's own (e.g. over another contract model). */
  public EventJsonSerializer(EventJsonCodec codec) {
    this.codec = codec;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // nothing to configure: the JSON shape and its schemas are in the artifact
  }

  @Override
  public byte[] serialize(String topic, T event) {
    if (event == null) {
      return null;
    }
    try {
      return codec.encodeToBytes(event);
    } catch (EventValidationException e) {
      throw new SerializationException("refused to write to topic '" + topic + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new SerializationException("cannot write " + event.getClass().getName() + " to topic '" + topic + "': "
          + e.getMessage(), e);
    }
  }
}
