package io.github.eventcontracts.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Converts between the platform's JSON shape of an event (the seed's envelope with snake_case fields,
 * RFC 3339 timestamps, enum symbols as strings, absent optional fields) and the generated Avro classes.
 *
 * <p>Every payload is validated against its event's JSON Schema while it is read, and every encoded payload
 * while it is written: a payload is either read whole or rejected with every violation listed (JSON path and
 * reason). Each event's JSON Schema is compiled once, when the codec is created, into a reader that walks
 * Jackson's streaming parser a single time and fills the generated class directly ({@link JsonSchemaCompiler});
 * networknt stays the reference the tests compare it with. Thread-safe; create one and share it.
 *
 * <p>The constructor throws {@link io.github.eventcontracts.model.ContractException} when a schema uses a
 * keyword the compiled reader does not check, naming the file and the keyword's path.
 */
public final class EventJsonCodec {
  /** Deepest nesting of objects and arrays accepted in a payload (the events nest 3 levels). */
  public static final int MAX_NESTING_DEPTH = 64;
  /** Longest string value accepted, in characters. */
  public static final int MAX_STRING_LENGTH = 4_000_000;
  /** Longest number accepted, in digits. */
  public static final int MAX_NUMBER_LENGTH = 1_000;

  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_NESTING_DEPTH)
      .maxStringLength(MAX_STRING_LENGTH)
      .maxNumberLength(MAX_NUMBER_LENGTH)
      .build();
  /** The compiled readers detect duplicate keys themselves (cheaper than Jackson's per-object name sets). */
  private static final JsonFactory STREAMS = JsonFactory.builder().streamReadConstraints(LIMITS).build();
  /** For the few payloads read as a tree: those whose event type cannot be told, and {@link #toJson}. */
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(LIMITS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Map<String, Entry> byEventType = new LinkedHashMap<>();
  private final Map<Class<?>, Entry> byClass = new HashMap<>();

  private record Entry(EventContract contract, CompiledSchema schema, Class<? extends SpecificRecord> type) {}

  /** A codec for every event bundled in this artifact. */
  public static EventJsonCodec create() {
    return new EventJsonCodec(ContractModel.bundled());
  }

  public EventJsonCodec(ContractModel model) {
    List<io.github.eventcontracts.model.Finding> findings = new java.util.ArrayList<>();
    for (EventContract e : model.events()) {
      @SuppressWarnings("unchecked")
      Class<? extends SpecificRecord> type = (Class<? extends SpecificRecord>) SpecificData.get().getClass(e.avroSchema());
      if (type == null) {
        throw new IllegalStateException("no generated class for " + e.avroSchema().getFullName()
            + " on the classpath; rebuild the contracts artifact");
      }
      try {
        Entry entry = new Entry(e, JsonSchemaCompiler.compile(e, type), type);
        byEventType.put(e.eventType(), entry);
        byClass.put(type, entry);
      } catch (io.github.eventcontracts.model.ContractException x) {
        findings.addAll(x.findings());
      }
    }
    if (!findings.isEmpty()) {
      throw new io.github.eventcontracts.model.ContractException(findings);
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
    try {
      Entry entry = byEventType(STREAMS.createParser(json), () -> MAPPER.readTree(json));
      return read(entry, STREAMS.createParser(json));
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Reads any event from UTF-8 bytes (invalid UTF-8 is refused), telling its type from {@code event_type}. */
  public SpecificRecord decode(byte[] json) {
    requireUtf8(json);
    try {
      Entry entry = byEventType(STREAMS.createParser(json), () -> MAPPER.readTree(json));
      return read(entry, STREAMS.createParser(json));
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Reads an event of a known class; a payload of another event type is rejected. */
  public <T extends SpecificRecord> T decode(String json, Class<T> type) {
    Entry entry = entry(type);
    try {
      return type.cast(read(entry, STREAMS.createParser(json)));
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Reads an event of a known class from UTF-8 bytes; a payload of another event type is rejected. */
  public <T extends SpecificRecord> T decode(byte[] json, Class<T> type) {
    Entry entry = entry(type);
    requireUtf8(json);
    try {
      return type.cast(read(entry, STREAMS.createParser(json)));
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private static SpecificRecord read(Entry entry, JsonParser parser) throws IOException {
    try (JsonParser p = parser) {
      return entry.schema().read(p, entry.contract().eventType());
    }
  }

  private interface TreeRead {
    JsonNode read() throws IOException;
  }

  /**
   * The event a payload's top-level {@code event_type} names, found by reading up to it. When there is none
   * the whole payload is read as a tree, so that a payload that is no JSON object, or no JSON at all, is
   * refused as such first, as before.
   */
  private Entry byEventType(JsonParser parser, TreeRead tree) throws IOException {
    try (JsonParser p = parser) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        String name;
        while ((name = p.nextFieldName()) != null) {
          JsonToken t = p.nextToken();
          if (name.equals("event_type")) {
            Entry entry = t == JsonToken.VALUE_STRING ? byEventType.get(p.getText()) : null;
            if (entry != null) {
              return entry;
            }
            break;
          }
          p.skipChildren();
        }
      }
    }
    JsonNode node = tree.read();
    if (node == null || !node.isObject()) {
      throw new EventValidationException(null, List.of(new Violation("$", "the payload must be a JSON object")));
    }
    JsonNode type = node.path("event_type");
    throw new EventValidationException(null, List.of(new Violation("$.event_type",
        (type.isMissingNode() ? "missing" : "unknown event type " + type) + "; expected one of " + byEventType.keySet())));
  }

  private Entry entry(Class<?> type) {
    Entry entry = byClass.get(type);
    if (entry == null) {
      throw new IllegalArgumentException(type.getName() + " is not an event class of these contracts");
    }
    return entry;
  }

  private Entry entry(String eventType) {
    Entry e = byEventType.get(eventType);
    if (e == null) {
      throw new IllegalArgumentException("unknown event type '" + eventType + "'; known: " + byEventType.keySet());
    }
    return e;
  }

  /** Writes an event as validated JSON. */
  public String encode(SpecificRecord event) {
    return new String(encodeToBytes(event), StandardCharsets.UTF_8);
  }

  /**
   * Writes an event as validated JSON, UTF-8. Checked is only what the generated class does not guarantee
   * already: no null where the schema wants a value, {@code const}, {@code enum} symbols the schema leaves
   * out, {@code pattern}s and formats of plain strings, integer bounds tighter than the Java type, timestamps
   * in the years 0000-9999 with whole milliseconds (the canonical form then matches the timestamp pattern),
   * no lone surrogates. Property names, the closed content model, types and uuids hold by construction.
   */
  public byte[] encodeToBytes(SpecificRecord event) {
    Entry entry = byClass.get(event.getClass());
    if (entry == null) {
      throw new IllegalArgumentException(event.getClass().getName() + " is not an event class of these contracts");
    }
    ByteArrayBuilder out = new ByteArrayBuilder(512);
    try (JsonGenerator g = STREAMS.createGenerator(out)) {
      entry.schema().write(g, event, entry.contract().eventType());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write " + event.getClass().getSimpleName() + " as JSON: "
          + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
    return out.toByteArray();
  }

  /** Writes an event as a validated JSON tree. */
  public ObjectNode toJson(SpecificRecord event) {
    try {
      return (ObjectNode) MAPPER.readTree(encodeToBytes(event));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireUtf8(byte[] json) {
    int bad = Strings.invalidUtf8(json);
    if (bad >= 0) {
      throw new EventValidationException(null, List.of(new Violation("$", "not valid UTF-8: byte " + bad + " (0x"
          + Integer.toHexString(json[bad] & 0xff) + ") starts no well-formed UTF-8 sequence (RFC 3629: no overlong "
          + "forms, no encoded surrogates, nothing above U+10FFFF); send the payload as UTF-8")));
    }
  }

  private static RuntimeException failed(IOException e) {
    if (e instanceof JsonProcessingException j) {
      return notWellFormed(j);
    }
    return new UncheckedIOException(e);
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
}
