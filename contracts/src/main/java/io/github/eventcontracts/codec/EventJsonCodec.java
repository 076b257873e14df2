package io.github.eventcontracts.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema.Field;
import org.apache.avro.Schema.Type;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Converts between the platform's JSON shape of an event (the seed's envelope with snake_case fields,
 * RFC 3339 timestamps, enum symbols as strings, absent optional fields) and the generated Avro classes.
 *
 * <p>Every payload is validated against its event's JSON Schema before it is read, and every encoded
 * payload is validated before it is returned: a payload is either read whole or rejected with every
 * violation listed (JSON path and reason). Thread-safe; create one and share it.
 */
public final class EventJsonCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, Entry> byEventType = new LinkedHashMap<>();
  private final Map<Class<?>, Entry> byClass = new LinkedHashMap<>();

  private record Entry(EventContract contract, Schema jsonSchema, Class<? extends SpecificRecord> type) {}

  /** A codec for every event bundled in this artifact. */
  public static EventJsonCodec create() {
    return new EventJsonCodec(ContractModel.bundled());
  }

  public EventJsonCodec(ContractModel model) {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build()));
    for (EventContract e : model.events()) {
      Schema schema = registry.getSchema(e.jsonSource().root());
      @SuppressWarnings("unchecked")
      Class<? extends SpecificRecord> type = (Class<? extends SpecificRecord>) SpecificData.get().getClass(e.avroSchema());
      if (type == null) {
        throw new IllegalStateException("no generated class for " + e.avroSchema().getFullName()
            + " on the classpath; rebuild the contracts artifact");
      }
      Entry entry = new Entry(e, schema, type);
      byEventType.put(e.eventType(), entry);
      byClass.put(type, entry);
    }
  }

  /** The event types this codec reads and writes. */
  public Collection<String> eventTypes() {
    return byEventType.keySet();
  }

  /** The generated class of an event type. */
  public Class<? extends SpecificRecord> classOf(String eventType) {
    return entry(eventType).type();
  }

  /** Reads any event, telling its type from {@code event_type}. */
  public SpecificRecord decode(String json) {
    JsonNode node = parse(json);
    JsonNode type = node.path("event_type");
    if (!type.isTextual() || !byEventType.containsKey(type.textValue())) {
      throw new EventValidationException(null, List.of(new Violation("$.event_type",
          (type.isMissingNode() ? "missing" : "unknown event type " + type) + "; expected one of " + byEventType.keySet())));
    }
    return read(byEventType.get(type.textValue()), node);
  }

  public SpecificRecord decode(byte[] json) {
    return decode(new String(json, StandardCharsets.UTF_8));
  }

  /** Reads an event of a known class; a payload of another event type is rejected. */
  public <T extends SpecificRecord> T decode(String json, Class<T> type) {
    Entry entry = byClass.get(type);
    if (entry == null) {
      throw new IllegalArgumentException(type.getName() + " is not an event class of these contracts");
    }
    return type.cast(read(entry, parse(json)));
  }

  /** Writes an event as validated JSON. */
  public String encode(SpecificRecord event) {
    try {
      return MAPPER.writeValueAsString(toJson(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] encodeToBytes(SpecificRecord event) {
    return encode(event).getBytes(StandardCharsets.UTF_8);
  }

  /** Writes an event as a validated JSON tree. */
  public ObjectNode toJson(SpecificRecord event) {
    Entry entry = byClass.get(event.getClass());
    if (entry == null) {
      throw new IllegalArgumentException(event.getClass().getName() + " is not an event class of these contracts");
    }
    ObjectNode node = (ObjectNode) write(event.getSchema(), event);
    List<Violation> violations = validate(entry, node);
    if (!violations.isEmpty()) {
      throw new EventValidationException(entry.contract().eventType(), violations);
    }
    return node;
  }

  private Entry entry(String eventType) {
    Entry e = byEventType.get(eventType);
    if (e == null) {
      throw new IllegalArgumentException("unknown event type '" + eventType + "'; known: " + byEventType.keySet());
    }
    return e;
  }

  private static JsonNode parse(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || !node.isObject()) {
        throw new EventValidationException(null, List.of(new Violation("$", "the payload must be a JSON object")));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new EventValidationException(null, List.of(new Violation("$",
          "not well-formed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
              + ": " + e.getOriginalMessage())));
    }
  }

  private static List<Violation> validate(Entry entry, JsonNode node) {
    List<Violation> out = new ArrayList<>();
    for (com.networknt.schema.Error err : entry.jsonSchema().validate(node)) {
      out.add(new Violation(err.getInstanceLocation().toString(), err.getMessage()));
    }
    return out;
  }

  private SpecificRecord read(Entry entry, JsonNode node) {
    List<Violation> violations = validate(entry, node);
    if (violations.isEmpty()) {
      Object value = read(entry.contract().avroSchema(), node, "$", violations);
      if (violations.isEmpty()) {
        return (SpecificRecord) value;
      }
    }
    throw new EventValidationException(entry.contract().eventType(), violations);
  }

  /**
   * JSON to Avro value, for a payload the JSON Schema has accepted. Every rule is stated by the schema (the
   * integer bounds of the Avro types, the timestamp pattern): nothing is refused here that the schema
   * accepts, which {@code SchemaCodecAgreementTest} proves on generated payloads and lint rule
   * AVRO_JSON_MISMATCH guards. A value the schema let through and Avro cannot hold is still never read
   * silently wrong: it is a violation that says the contract itself is at fault.
   */
  private Object read(org.apache.avro.Schema s, JsonNode v, String path, List<Violation> violations) {
    String logical = s.getLogicalType() == null ? "" : s.getLogicalType().getName();
    switch (s.getType()) {
      case RECORD: {
        SpecificRecord r = (SpecificRecord) SpecificData.get().newRecord(null, s);
        for (Field f : s.getFields()) {
          JsonNode child = v.get(f.name());
          r.put(f.pos(), child == null || child.isNull() ? null : read(f.schema(), child, path + "." + f.name(), violations));
        }
        return r;
      }
      case UNION:
        for (org.apache.avro.Schema branch : s.getTypes()) {
          if (branch.getType() != Type.NULL) {
            return read(branch, v, path, violations);
          }
        }
        return null;
      case ENUM:
        return SpecificData.get().createEnum(v.textValue(), s);
      case ARRAY: {
        List<Object> list = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
          list.add(read(s.getElementType(), v.get(i), path + "[" + i + "]", violations));
        }
        return list;
      }
      case STRING:
        return logical.equals("uuid") ? UUID.fromString(v.textValue()) : v.textValue();
      case LONG:
        if (logical.startsWith("timestamp")) {
          return timestamp(v.textValue(), logical, path, violations);
        }
        if (!v.canConvertToLong()) {
          violations.add(contractBug(path, v, "a 64-bit Avro long"));
        }
        return v.longValue();
      case INT:
        if (!v.canConvertToInt()) {
          violations.add(contractBug(path, v, "a 32-bit Avro int"));
        }
        return v.intValue();
      case BOOLEAN:
        return v.booleanValue();
      case DOUBLE:
        return v.doubleValue();
      case FLOAT:
        return v.floatValue();
      default:
        throw new IllegalStateException("Avro type " + s.getType() + " at " + path + " has no JSON mapping");
    }
  }

  /**
   * An RFC 3339 date-time, normalised to a UTC instant. The schema's pattern allows 0 to 3 fraction digits
   * (timestamp-millis) and offsets within 18:00, which is what {@link OffsetDateTime} reads, lower-case
   * {@code t} and {@code z} included.
   */
  private static Instant timestamp(String text, String logical, String path, List<Violation> violations) {
    try {
      Instant t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      if (logical.equals("timestamp-millis") && t.getNano() % 1_000_000 != 0) {
        violations.add(new Violation(path, "has sub-millisecond digits, which timestamp-millis cannot hold, yet the "
            + "JSON Schema accepted them: the contract is inconsistent (lint AVRO_JSON_MISMATCH); report it"));
      }
      return t;
    } catch (DateTimeParseException e) {
      violations.add(new Violation(path, "is accepted by the JSON Schema but cannot be read as a date-time ("
          + e.getMessage() + "): the contract is inconsistent (lint AVRO_JSON_MISMATCH); report it"));
      return null;
    }
  }

  private static Violation contractBug(String path, JsonNode v, String avroType) {
    return new Violation(path, "is accepted by the JSON Schema but " + v.asText() + " does not fit " + avroType
        + ": the contract is inconsistent (lint AVRO_JSON_MISMATCH); report it");
  }

  /** Avro value to JSON; optional fields that are null are left out, as the seed's producer does. */
  private JsonNode write(org.apache.avro.Schema s, Object value) {
    switch (s.getType()) {
      case RECORD: {
        ObjectNode o = NODES.objectNode();
        SpecificRecord r = (SpecificRecord) value;
        for (Field f : s.getFields()) {
          Object fv = r.get(f.pos());
          if (fv != null) {
            o.set(f.name(), write(f.schema(), fv));
          } else if (!f.schema().isNullable()) {
            o.putNull(f.name());
          }
        }
        return o;
      }
      case UNION:
        return write(s.getTypes().get(SpecificData.get().resolveUnion(s, value)), value);
      case ARRAY: {
        ArrayNode a = NODES.arrayNode();
        for (Object item : (Collection<?>) value) {
          a.add(write(s.getElementType(), item));
        }
        return a;
      }
      case LONG:
        if (value instanceof Instant t) {
          return NODES.textNode(DateTimeFormatter.ISO_INSTANT.format(t));
        }
        return NODES.numberNode(((Number) value).longValue());
      case INT:
        return NODES.numberNode(((Number) value).intValue());
      case BOOLEAN:
        return NODES.booleanNode((Boolean) value);
      case DOUBLE:
      case FLOAT:
        return NODES.numberNode(((Number) value).doubleValue());
      case NULL:
        return NODES.nullNode();
      default: // STRING (incl. uuid), ENUM
        return NODES.textNode(value.toString());
    }
  }
}
