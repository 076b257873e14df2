package io.github.eventcontracts.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
  /** Deepest nesting of objects and arrays accepted in a payload (the events nest 3 levels). */
  public static final int MAX_NESTING_DEPTH = 64;
  /** Longest string value accepted, in characters. */
  public static final int MAX_STRING_LENGTH = 4_000_000;
  /** Longest number accepted, in digits. */
  public static final int MAX_NUMBER_LENGTH = 1_000;

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, Entry> byEventType = new LinkedHashMap<>();
  private final Map<Class<?>, Entry> byClass = new LinkedHashMap<>();

  private record Entry(EventContract contract, Schema jsonSchema, Class<? extends SpecificRecord> type) {}

  /** A codec for every event bundled in this artifact. */
  public static EventJsonCodec create() {
    return new EventJsonCodec(ContractModel.bundled());
  }

  public EventJsonCodec(ContractModel model) {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
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
    return decode(parse(json));
  }

  /** Reads any event from UTF-8 bytes (invalid UTF-8 is refused), telling its type from {@code event_type}. */
  public SpecificRecord decode(byte[] json) {
    return decode(parse(json));
  }

  private SpecificRecord decode(JsonNode node) {
    JsonNode type = node.path("event_type");
    if (!type.isTextual() || !byEventType.containsKey(type.textValue())) {
      throw new EventValidationException(null, List.of(new Violation("$.event_type",
          (type.isMissingNode() ? "missing" : "unknown event type " + type) + "; expected one of " + byEventType.keySet())));
    }
    return read(byEventType.get(type.textValue()), node);
  }

  /** Reads an event of a known class; a payload of another event type is rejected. */
  public <T extends SpecificRecord> T decode(String json, Class<T> type) {
    return type.cast(read(entry(type), parse(json)));
  }

  /** Reads an event of a known class from UTF-8 bytes; a payload of another event type is rejected. */
  public <T extends SpecificRecord> T decode(byte[] json, Class<T> type) {
    return type.cast(read(entry(type), parse(json)));
  }

  private Entry entry(Class<?> type) {
    Entry entry = byClass.get(type);
    if (entry == null) {
      throw new IllegalArgumentException(type.getName() + " is not an event class of these contracts");
    }
    return entry;
  }

  /** Writes an event as validated JSON. */
  public String encode(SpecificRecord event) {
    try {
      return MAPPER.writeValueAsString(toJson(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes an event as validated JSON, UTF-8. */
  public byte[] encodeToBytes(SpecificRecord event) {
    try {
      return MAPPER.writeValueAsBytes(toJson(event));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + event.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
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
      return object(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw notWellFormed(e);
    }
  }

  private static JsonNode parse(byte[] json) {
    int bad = invalidUtf8(json);
    if (bad >= 0) {
      throw new EventValidationException(null, List.of(new Violation("$", "not valid UTF-8: byte " + bad + " (0x"
          + Integer.toHexString(json[bad] & 0xff) + ") starts no well-formed UTF-8 sequence (RFC 3629: no overlong "
          + "forms, no encoded surrogates, nothing above U+10FFFF); send the payload as UTF-8")));
    }
    try {
      return object(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw notWellFormed(e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode object(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new EventValidationException(null, List.of(new Violation("$", "the payload must be a JSON object")));
    }
    return node;
  }

  /** The offset of the first byte that starts no well-formed UTF-8 sequence (RFC 3629 table 3-7), or -1. */
  static int invalidUtf8(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i];
      if (c >= 0) {
        i++;
        continue;
      }
      c &= 0xff;
      int len;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
      } else {
        return i;
      }
      if (i + len > n) {
        return i;
      }
      int c1 = b[i + 1] & 0xff;
      if (c1 < lo || c1 > hi) {
        return i;
      }
      for (int k = 2; k < len; k++) {
        int ck = b[i + k] & 0xff;
        if (ck < 0x80 || ck > 0xBF) {
          return i;
        }
      }
      i += len;
    }
    return -1;
  }

  /** A parse failure as a violation; a limit exceeded gets its own message (Jackson gives it no location). */
  private static EventValidationException notWellFormed(JsonProcessingException e) {
    String reason;
    if (e instanceof StreamConstraintsException) {
      String m = String.valueOf(e.getOriginalMessage());
      if (m.contains("nesting depth")) {
        reason = "nested deeper than " + MAX_NESTING_DEPTH + " levels of objects and arrays (the limit): refused";
      } else if (m.contains("String value length")) {
        reason = "holds a string longer than " + MAX_STRING_LENGTH + " characters (the limit): refused";
      } else if (m.contains("Number value length")) {
        reason = "holds a number longer than " + MAX_NUMBER_LENGTH + " digits (the limit): refused";
      } else {
        reason = "exceeds a parsing limit: " + m;
      }
    } else {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String m = String.valueOf(e.getOriginalMessage());
      if (m.startsWith("Trailing token")) {
        m = "trailing data after the event (one payload holds exactly one JSON object): " + m;
      } else if (m.contains("UTF-8") || m.contains("UTF8")) {
        m = "not valid UTF-8: " + m;
      }
      reason = "not well-formed JSON" + where + ": " + m;
    }
    return new EventValidationException(null, List.of(new Violation("$", reason)));
  }

  /** The index of an unpaired UTF-16 surrogate in {@code s} (from a \\ud800 escape or an encoded surrogate), or -1. */
  private static int loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isHighSurrogate(ch)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(ch)) {
        return i;
      }
    }
    return -1;
  }

  private static List<Violation> validate(Entry entry, JsonNode node) {
    List<Violation> out = new ArrayList<>();
    for (com.networknt.schema.Error err : entry.jsonSchema().validate(node)) {
      out.add(new Violation(err.getInstanceLocation().toString(), message(entry, err)));
    }
    return out;
  }

  /**
   * networknt's message, except for a long {@code pattern} (the timestamp's is several hundred characters):
   * quoting it helps nobody, so the message names the rule from the field's own description instead.
   */
  private static String message(Entry entry, com.networknt.schema.Error err) {
    if (!"pattern".equals(err.getKeyword()) || err.getSchemaNode() == null
        || err.getSchemaNode().asText().length() <= 80) {
      return err.getMessage();
    }
    String pointer = err.getSchemaLocation().getFragment().toString().replaceFirst("^#", "");
    JsonNode field = entry.contract().jsonSource().root().at(pointer.replaceFirst("/pattern$", ""));
    String description = field.path("description").asText("");
    return "does not match the pattern its JSON Schema requires" + (description.isEmpty() ? ""
        : " (the schema's description: " + description + ")");
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
      case STRING: {
        int lone = loneSurrogate(v.textValue());
        if (lone >= 0) {
          violations.add(new Violation(path, "holds a lone UTF-16 surrogate (\\u" + Integer.toHexString(v.textValue().charAt(lone))
              + " at character " + lone + "), which is no Unicode text and cannot be sent on as UTF-8"));
        }
        return logical.equals("uuid") ? UUID.fromString(v.textValue()) : v.textValue();
      }
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
   * An RFC 3339 date-time as {@code OffsetDateTime.parse(s, ISO_OFFSET_DATE_TIME)} reads it; the usual UTC
   * form ({@code 2025-01-27T10:00:00.123Z}) is read without the formatter's overhead, anything else by it.
   */
  static Instant parseTimestamp(String s) {
    int n = s.length();
    if (n >= 20 && n <= 30 && s.charAt(n - 1) == 'Z' && s.charAt(4) == '-' && s.charAt(7) == '-'
        && s.charAt(10) == 'T' && s.charAt(13) == ':' && s.charAt(16) == ':') {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 2);
      int day = digits(s, 8, 2);
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = digits(s, 17, 2);
      int nanos = 0;
      boolean ok = year >= 0 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23
          && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
      if (ok && n > 20) {
        int fraction = n - 21; // between '.' and 'Z'
        ok = s.charAt(19) == '.' && fraction >= 1 && fraction <= 9;
        int f = ok ? digits(s, 20, fraction) : -1;
        ok = ok && f >= 0;
        if (ok) {
          nanos = f;
          for (int k = fraction; k < 9; k++) {
            nanos *= 10;
          }
        }
      }
      if (ok && day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
        return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos)
            .toInstant(java.time.ZoneOffset.UTC);
      }
    }
    return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /** The decimal number of {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  /**
   * An RFC 3339 date-time, normalised to a UTC instant. The schema's pattern allows 0 to 3 fraction digits
   * (timestamp-millis) and offsets within 18:00, which is what {@link OffsetDateTime} reads, lower-case
   * {@code t} and {@code z} included.
   */
  private static Instant timestamp(String text, String logical, String path, List<Violation> violations) {
    try {
      Instant t = parseTimestamp(text);
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
