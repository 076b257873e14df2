package io.github.eventcontracts.serde;

import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The contracts bundled in this artifact, loaded once per JVM on first use and shared by every serde: the
 * model, the events by Avro record name (and aliases), and one JSON codec (thread-safe).
 */
final class Bundled {
  private Bundled() {}

  private static final class Holder {
    static final ContractModel MODEL = ContractModel.bundled();
    static final Map<String, EventContract> BY_NAME = byName(MODEL);
  }

  private static final class JsonHolder {
    static final EventJsonCodec CODEC = new EventJsonCodec(Holder.MODEL);
  }

  static ContractModel model() {
    return Holder.MODEL;
  }

  static EventJsonCodec jsonCodec() {
    return JsonHolder.CODEC;
  }

  static Map<String, EventContract> byName(ContractModel model) {
    Map<String, EventContract> out = new HashMap<>();
    for (EventContract e : model.events()) {
      out.put(e.avroSchema().getFullName(), e);
      for (String alias : e.avroSchema().getAliases()) {
        out.putIfAbsent(alias, e);
      }
    }
    return Map.copyOf(out);
  }

  /** The event whose Avro record has this full name (or alias). */
  static Optional<EventContract> event(String avroFullName) {
    return Optional.ofNullable(Holder.BY_NAME.get(avroFullName));
  }

  /** The event an instance of a generated class is. */
  static Optional<EventContract> event(SpecificRecord record) {
    return event(record.getSchema().getFullName());
  }

  /** The event a generated class is. */
  static Optional<EventContract> event(Class<?> type) {
    Schema schema;
    try {
      schema = SpecificData.get().getSchema(type);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return schema.getType() == Schema.Type.RECORD ? event(schema.getFullName()) : Optional.empty();
  }

  /** The generated class of an event. */
  @SuppressWarnings("unchecked")
  static Class<? extends SpecificRecord> classOf(EventContract event) {
    Class<?> type = SpecificData.get().getClass(event.avroSchema());
    if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
      throw new IllegalStateException("no generated class for " + event.avroSchema().getFullName()
          + " on the classpath; rebuild the contracts artifact");
    }
    return (Class<? extends SpecificRecord>) type;
  }

  /** The names of the bundled events' records, for messages. */
  static String knownRecords() {
    return Holder.MODEL.events().stream().map(e -> e.avroSchema().getFullName()).toList().toString();
  }
}
