package io.github.eventcontracts.serde;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The message key the catalog prescribes for an event: the value of its topic's {@code key} field under the
 * envelope's {@code data} (e.g. {@code data.skill_id} for {@code skill.*}), so that every event of one
 * aggregate lands in one partition, in order. Use it with Kafka's {@code StringSerializer}:
 * {@code new ProducerRecord<>(topic, EventKeys.keyOf(event), event)}.
 */
public final class EventKeys {
  /** The envelope's payload field, which holds the key field (see docs/events.md). */
  private static final String DATA = "data";

  private EventKeys() {}

  /** The key of an event of the contracts bundled in this artifact. */
  public static String keyOf(SpecificRecord event) {
    EventContract contract = Bundled.event(event).orElseThrow(() -> new IllegalArgumentException(
        event.getClass().getName() + " is not an event of these contracts; known: " + Bundled.knownRecords()));
    return keyOf(contract, event);
  }

  /** The key of an event as the given contract model's catalog prescribes it. */
  public static String keyOf(ContractModel model, SpecificRecord event) {
    EventContract contract = Bundled.byName(model).get(event.getSchema().getFullName());
    if (contract == null) {
      throw new IllegalArgumentException(event.getClass().getName() + " is not an event of the given contracts");
    }
    return keyOf(contract, event);
  }

  private static String keyOf(EventContract contract, SpecificRecord event) {
    String keyField = contract.topic().keyField();
    Schema.Field data = event.getSchema().getField(DATA);
    if (data == null) {
      throw new IllegalArgumentException(contract.eventType() + " has no '" + DATA + "' field, which holds the key");
    }
    Object payload = event.get(data.pos());
    if (!(payload instanceof SpecificRecord record)) {
      throw new IllegalArgumentException("the " + contract.eventType() + " event has no " + DATA
          + ", so it has no key (" + DATA + "." + keyField + ")");
    }
    Schema.Field field = record.getSchema().getField(keyField);
    if (field == null) {
      throw new IllegalStateException("the catalog gives topic " + contract.topic().name() + " the key '" + keyField
          + "', but " + record.getSchema().getFullName() + " has no such field");
    }
    Object key = record.get(field.pos());
    if (key == null) {
      throw new IllegalArgumentException("the " + contract.eventType() + " event has no " + DATA + "." + keyField
          + ", its message key");
    }
    return key.toString();
  }
}
