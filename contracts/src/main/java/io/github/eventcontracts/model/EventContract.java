package io.github.eventcontracts.model;

import org.apache.avro.Schema;

/**
 * One event with everything the contracts say about it: its topic, its Avro schema and its JSON Schema,
 * each parsed once, with positions for findings.
 *
 * @param topic      the catalog's entry for the event's topic
 * @param avroSource the Avro schema file as parsed (tree and positions)
 * @param avroSchema the Avro schema
 * @param jsonSource the JSON Schema file as parsed (tree and positions)
 */
public record EventContract(Topic topic, SourceDocument avroSource, Schema avroSchema, SourceDocument jsonSource) {

  public String eventType() {
    return topic.eventType();
  }

  /** Every field of the event, depth first, with its types, required-ness and description. */
  public java.util.List<EventField> fields() {
    return EventField.of(this);
  }

  public SourceDocument source(SchemaFormat format) {
    return format == SchemaFormat.AVRO ? avroSource : jsonSource;
  }
}
