package io.github.eventcontracts.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event's JSON Schema compiled (by {@link JsonSchemaCompiler}) into a tree of nodes that read the event
 * from Jackson's streaming parser in one pass, checking every keyword of the schema as they go and filling
 * the generated class directly, and that write the generated class back, checking only what the class does
 * not guarantee.
 *
 * <p>Walk reports what networknt reports for the same payload: one violation per failed keyword, at the
 * same JSON path and with the same wording ({@code SchemaCodecAgreementTest} compares the verdicts). What the
 * schema accepts and the generated class still cannot hold (a lone surrogate, a value beyond the Avro type)
 * is reported only when the schema found nothing, as before.
 */
final class CompiledSchema {
  private final RecordNode root;
  private final int arrayDepth;

  CompiledSchema(RecordNode root, int arrayDepth) {
    this.root = root;
    this.arrayDepth = arrayDepth;
  }

  /** Reads the event whose first token is the parser's next one; the caller checks for trailing data. */
  SpecificRecord read(JsonParser p, String eventType) throws IOException {
    Walk r = new Walk(arrayDepth);
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      if (t != null) {
        skipValue(p);
        requireEnd(p);
      }
      throw new EventValidationException(null, List.of(new Violation("$", "the payload must be a JSON object")));
    }
    Object event = root.read(p, r);
    requireEnd(p);
    r.throwIfAny(eventType);
    return (SpecificRecord) event;
  }

  /** Writes the event; throws with every violation when the generated class holds what the schema refuses. */
  void write(JsonGenerator g, SpecificRecord event, String eventType) throws IOException {
    Walk w = new Walk(arrayDepth);
    root.write(g, event, w);
    w.throwIfAny(eventType);
  }

  /** Nothing but whitespace may follow the event. */
  static void requireEnd(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t != null) {
      throw new JsonParseException(p, "Trailing token (of type " + t + ") found after value");
    }
  }

  /**
   * Skips the value at the current token as a tree parser would read it: duplicate keys are an error, and
   * every string is read in full, so the string length limit applies to values nobody keeps as well.
   */
  static void skipValue(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        Set<String> names = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
          if (names == null) {
            names = new HashSet<>();
          }
          if (!names.add(name)) {
            throw duplicate(p, name);
          }
          p.nextToken();
          skipValue(p);
        }
      }
      case START_ARRAY -> {
        while (p.nextToken() != JsonToken.END_ARRAY) {
          skipValue(p);
        }
      }
      case VALUE_STRING -> p.getTextLength();
      default -> { }
    }
  }

  static JsonParseException duplicate(JsonParser p, String name) {
    return new JsonParseException(p, "Duplicate field '" + name + "'");
  }

  /** The JSON type of the current token, as networknt names it in messages. */
  static String jsonType(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT -> "integer";
      case VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      default -> "null";
    };
  }

  // ---- the state of one read or write

  /**
   * Where a read or a write is (the index in each enclosing array), and what was found wrong so far: against
   * the JSON Schema, and, reading, values the schema accepts but the generated class cannot hold (reported only
   * when the schema found nothing).
   */
  static final class Walk {
    final int[] index;
    /** Scratch for writing a uuid or a timestamp. */
    final char[] chars = new char[36];
    List<Violation> schema;
    List<Violation> reading;

    Walk(int arrayDepth) {
      index = new int[arrayDepth];
    }

    void schema(Node at, String reason) {
      schema = add(schema, at, reason);
    }

    void reading(Node at, String reason) {
      reading = add(reading, at, reason);
    }

    private List<Violation> add(List<Violation> list, Node at, String reason) {
      List<Violation> l = list == null ? new ArrayList<>(4) : list;
      l.add(new Violation(at.path(index), reason));
      return l;
    }

    void throwIfAny(String eventType) {
      if (schema != null || reading != null) {
        throw new EventValidationException(eventType, schema != null ? schema : reading);
      }
    }
  }

  // ---- nodes

  /** One schema node (and the Avro type it fills). */
  abstract static class Node {
    /** The JSON path, split where an array index goes: {@code {"$.data.files", ""}} is $.data.files[i]. */
    private final String[] pathParts;
    /** The JSON type the schema requires, for messages. */
    final String type;
    /** {@code const} or {@code enum} violations that any value of another type also gets (networknt checks both). */
    final String constMessage;
    final String enumMessage;

    Node(String[] pathParts, String type, String constMessage, String enumMessage) {
      this.pathParts = pathParts;
      this.type = type;
      this.constMessage = constMessage;
      this.enumMessage = enumMessage;
    }

    final String path(int[] index) {
      if (pathParts.length == 1) {
        return pathParts[0];
      }
      StringBuilder b = new StringBuilder(pathParts[0]);
      for (int i = 1; i < pathParts.length; i++) {
        b.append('[').append(index[i - 1]).append(']').append(pathParts[i]);
      }
      return b.toString();
    }

    /** Reads the value whose first token is the current one, leaving the parser on its last token. */
    abstract Object read(JsonParser p, Walk r) throws IOException;

    /** Writes a non-null value of the generated class. */
    abstract void write(JsonGenerator g, Object value, Walk w) throws IOException;

    /** A value of another JSON type: the type violation, and const/enum ones as networknt adds them. */
    final Object wrongType(JsonParser p, Walk r) throws IOException {
      r.schema(this, jsonType(p.currentToken()) + " found, " + type + " expected");
      if (constMessage != null) {
        r.schema(this, constMessage);
      }
      if (enumMessage != null) {
        r.schema(this, enumMessage);
      }
      skipValue(p);
      return null;
    }

    /** What the schema says of a null where it requires a value of its type. */
    final void nullValue(Walk w) {
      w.schema(this, "null found, " + type + " expected");
      if (constMessage != null) {
        w.schema(this, constMessage);
      }
      if (enumMessage != null) {
        w.schema(this, enumMessage);
      }
    }
  }

  /** One property of an object: its schema node and the generated class's field it fills. */
  record Property(String name, int position, Node node, boolean required, boolean omitNull,
      com.fasterxml.jackson.core.io.SerializedString key) {
    Property(String name, int position, Node node, boolean required, boolean omitNull) {
      this(name, position, node, required, omitNull, new com.fasterxml.jackson.core.io.SerializedString(name));
    }
  }

  /** {@code type: object} with {@code properties}, {@code required}, {@code additionalProperties}, as a record. */
  static final class RecordNode extends Node {
    private final Constructor<? extends SpecificRecord> constructor;
    private final Property[] properties;
    /** The properties in the order of the generated class's fields: the order they are written in. */
    private final Property[] writeOrder;
    private final long requiredMask;
    private final boolean closed;

    RecordNode(String[] pathParts, Constructor<? extends SpecificRecord> constructor, List<Property> properties,
        boolean closed) {
      super(pathParts, "object", null, null);
      this.constructor = constructor;
      this.properties = properties.toArray(new Property[0]);
      this.writeOrder = properties.stream().sorted(java.util.Comparator.comparingInt(Property::position))
          .toArray(Property[]::new);
      long mask = 0;
      for (int i = 0; i < this.properties.length; i++) {
        mask |= this.properties[i].required() ? 1L << i : 0;
      }
      this.requiredMask = mask;
      this.closed = closed;
    }

    /** The property named {@code name} (interned by Jackson, as ours are), looked for first where the last one ended. */
    private int find(String name, int guess) {
      Property[] ps = properties;
      if (guess < ps.length && ps[guess].name() == name) {
        return guess;
      }
      for (int i = 0; i < ps.length; i++) {
        if (ps[i].name() == name) {
          return i;
        }
      }
      for (int i = 0; i < ps.length; i++) {
        if (ps[i].name().equals(name)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    Object read(JsonParser p, Walk r) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return wrongType(p, r);
      }
      SpecificRecord record = newRecord();
      long seen = 0;
      int next = 0;
      Set<String> others = null;
      String name;
      while ((name = p.nextFieldName()) != null) {
        int i = find(name, next);
        p.nextToken();
        if (i < 0) {
          if (others == null) {
            others = new HashSet<>();
          }
          if (!others.add(name)) {
            throw duplicate(p, name);
          }
          if (closed) {
            r.schema(this, "property '" + name
                + "' is not defined in the schema and the schema does not allow additional properties");
          }
          skipValue(p);
          continue;
        }
        long bit = 1L << i;
        if ((seen & bit) != 0) {
          throw duplicate(p, name);
        }
        seen |= bit;
        next = i + 1;
        Property property = properties[i];
        Object value = property.node().read(p, r);
        if (value != null) {
          record.put(property.position(), value);
        }
      }
      if ((seen & requiredMask) != requiredMask) {
        for (int i = 0; i < properties.length; i++) {
          if (properties[i].required() && (seen & 1L << i) == 0) {
            r.schema(this, "required property '" + properties[i].name() + "' not found");
          }
        }
      }
      return record;
    }

    private SpecificRecord newRecord() {
      try {
        return constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + constructor.getDeclaringClass().getName(), e);
      }
    }

    @Override
    void write(JsonGenerator g, Object value, Walk w) throws IOException {
      SpecificRecord record = (SpecificRecord) value;
      g.writeStartObject();
      for (Property property : writeOrder) {
        Object v = record.get(property.position());
        if (v == null) {
          if (property.omitNull()) {
            if (property.required()) {
              w.schema(this, "required property '" + property.name() + "' not found");
            }
          } else {
            property.node().nullValue(w);
          }
          continue;
        }
        g.writeFieldName(property.key());
        property.node().write(g, v, w);
      }
      g.writeEndObject();
    }
  }

  /** {@code type: array} with {@code items}, as a java.util.List. */
  static final class ArrayNode extends Node {
    private final Node items;
    /** Which entry of the index stack is this array's. */
    private final int level;

    ArrayNode(String[] pathParts, Node items, int level) {
      super(pathParts, "array", null, null);
      this.items = items;
      this.level = level;
    }

    @Override
    Object read(JsonParser p, Walk r) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        return wrongType(p, r);
      }
      List<Object> list = new ArrayList<>();
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        r.index[level] = i++;
        list.add(items.read(p, r));
      }
      return list;
    }

    @Override
    void write(JsonGenerator g, Object value, Walk w) throws IOException {
      Collection<?> list = (Collection<?>) value;
      g.writeStartArray();
      int i = 0;
      for (Object item : list) {
        w.index[level] = i++;
        if (item == null) {
          items.nullValue(w);
          g.writeNull();
        } else {
          items.write(g, item, w);
        }
      }
      g.writeEndArray();
    }
  }

  /** A check of a string value: a compiled {@code pattern}. */
  interface StringCheck {
    boolean test(String s);
  }

  /** What a string node fills: a String, a UUID, an Instant (timestamp-millis) or a generated enum. */
  enum StringKind { STRING, UUID, INSTANT_MILLIS, ENUM }

  /** {@code type: string} with {@code const}, {@code enum}, {@code pattern} and {@code format} (uuid, date-time). */
  static final class StringNode extends Node {
    private final StringKind kind;
    private final String constValue;
    /** The allowed values, or null; for an Avro enum, symbol to constant. */
    private final Map<String, Object> allowed;
    /** For an Avro enum: which constants (by ordinal) the schema's {@code enum} lists; null when all. */
    private final boolean[] allowedOrdinals;
    private final StringCheck pattern;
    private final String patternMessage;
    /** Whether writing an in-range millisecond instant in the canonical form may still fail the pattern. */
    private final boolean checkPatternOnCanonicalTimestamps;
    private final Formats.Format format;

    StringNode(String[] pathParts, StringKind kind, String constValue, Map<String, Object> allowed,
        boolean[] allowedOrdinals, String enumMessage, StringCheck pattern, String patternMessage,
        boolean checkPatternOnCanonicalTimestamps, Formats.Format format) {
      super(pathParts, "string", constValue == null ? null : "must be the constant value '" + constValue + "'",
          enumMessage);
      this.kind = kind;
      this.constValue = constValue;
      this.allowed = allowed;
      this.allowedOrdinals = allowedOrdinals;
      this.pattern = pattern;
      this.patternMessage = patternMessage;
      this.checkPatternOnCanonicalTimestamps = checkPatternOnCanonicalTimestamps;
      this.format = format;
    }

    @Override
    Object read(JsonParser p, Walk r) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return wrongType(p, r);
      }
      String s = p.getText();
      Object value = check(s, r);
      if (value == null) {
        return null;
      }
      switch (kind) {
        case STRING -> {
          int lone = Strings.loneSurrogate(s);
          if (lone >= 0) {
            r.reading(this, Strings.loneSurrogateMessage(s, lone));
            return null;
          }
          return s;
        }
        case UUID -> {
          return java.util.UUID.fromString(s);
        }
        case INSTANT_MILLIS -> {
          return instant(value, r);
        }
        default -> {
          return value; // the enum constant
        }
      }
    }

    /**
     * Every keyword on a string: the value to convert (the enum constant, the parsed date-time, or the
     * string), or null after a violation.
     */
    private Object check(String s, Walk r) {
      boolean ok = true;
      if (constValue != null && !constValue.equals(s)) {
        r.schema(this, constMessage);
        ok = false;
      }
      Object value = s;
      if (allowed != null) {
        value = allowed.get(s);
        if (value == null) {
          r.schema(this, enumMessage);
          ok = false;
        }
      }
      if (pattern != null && !pattern.test(s)) {
        r.schema(this, patternMessage);
        ok = false;
      }
      if (format == Formats.Format.UUID) {
        if (!Formats.isUuid(s)) {
          r.schema(this, Formats.UUID_MESSAGE);
          ok = false;
        }
      } else if (format == Formats.Format.DATE_TIME) {
        Object dateTime = Formats.dateTime(s);
        if (dateTime == null) {
          r.schema(this, Formats.DATE_TIME_MESSAGE);
          ok = false;
        } else if (kind == StringKind.INSTANT_MILLIS) {
          value = dateTime;
        }
      }
      return ok ? value : null;
    }

    /** The instant a date-time the schema accepted stands for, if timestamp-millis can hold it. */
    private Instant instant(Object dateTime, Walk r) {
      if (!(dateTime instanceof OffsetDateTime odt)) {
        r.reading(this, "is a leap second, which the JSON Schema accepts but Java cannot read: the contract is "
            + "inconsistent (lint AVRO_JSON_MISMATCH); report it");
        return null;
      }
      Instant t = odt.toInstant();
      if (t.getNano() % 1_000_000 != 0) {
        r.reading(this, "has sub-millisecond digits, which timestamp-millis cannot hold, yet the JSON Schema "
            + "accepted them: the contract is inconsistent (lint AVRO_JSON_MISMATCH); report it");
        return null;
      }
      return t;
    }

    @Override
    void write(JsonGenerator g, Object value, Walk w) throws IOException {
      switch (kind) {
        case UUID -> {
          // a UUID always prints as 8-4-4-4-12 lower-case hex digits: format uuid holds
          g.writeString(w.chars, 0, Formats.uuidChars((UUID) value, w.chars));
          if (pattern != null) {
            checkWritten(value.toString(), w);
          }
        }
        case INSTANT_MILLIS -> {
          Instant t = (Instant) value;
          int n = Timestamps.canonical(t, w.chars);
          if (n < 0) {
            // outside years 0000-9999 or finer than milliseconds: written as ISO_INSTANT would, and judged
            String s = java.time.format.DateTimeFormatter.ISO_INSTANT.format(t);
            checkWritten(s, w);
            g.writeString(s);
          } else {
            if (checkPatternOnCanonicalTimestamps && !pattern.test(new String(w.chars, 0, n))) {
              w.schema(this, patternMessage);
            }
            g.writeString(w.chars, 0, n);
          }
        }
        case ENUM -> {
          Enum<?> e = (Enum<?>) value;
          if (allowedOrdinals != null && !allowedOrdinals[e.ordinal()]) {
            w.schema(this, enumMessage);
          }
          g.writeString(e.name());
        }
        default -> {
          String s = value.toString();
          // a lone surrogate is a violation, and Jackson would refuse to write it: the value is left out
          g.writeString(checkWritten(s, w) ? s : "");
        }
      }
    }

    /** Every keyword on a written string, and no lone surrogate (UTF-8 cannot carry it); false for the latter. */
    private boolean checkWritten(String s, Walk w) {
      if (constValue != null && !constValue.equals(s)) {
        w.schema(this, constMessage);
      }
      if (allowed != null && kind == StringKind.STRING && !allowed.containsKey(s)) {
        w.schema(this, enumMessage);
      }
      if (pattern != null && !pattern.test(s)) {
        w.schema(this, patternMessage);
      }
      if (format == Formats.Format.UUID && kind == StringKind.STRING && !Formats.isUuid(s)) {
        w.schema(this, Formats.UUID_MESSAGE);
      }
      if (format == Formats.Format.DATE_TIME && Formats.dateTime(s) == null) {
        w.schema(this, Formats.DATE_TIME_MESSAGE);
      }
      int lone = Strings.loneSurrogate(s);
      if (lone >= 0) {
        w.schema(this, Strings.loneSurrogateMessage(s, lone));
        return false;
      }
      return true;
    }
  }

  /**
   * One bound on a number ({@code minimum}, {@code exclusiveMinimum}, {@code maximum}, {@code exclusiveMaximum}),
   * compared exactly: a long against a precomputed long threshold, a bigger integer or a double (as Jackson
   * reads a number with a fraction or exponent) against the schema's exact decimal.
   */
  static final class Bound {
    final String message;
    private final BigDecimal value;
    private final boolean lower;
    private final boolean exclusive;
    /** For long values: 0 compare with threshold, 1 every long passes, -1 none does. */
    private final int longMode;
    private final long threshold;

    Bound(String keyword, BigDecimal value, String text) {
      this.value = value;
      this.lower = keyword.endsWith("inimum");
      this.exclusive = keyword.startsWith("exclusive");
      this.message = "must have " + (exclusive ? "an exclusive " : "a ") + (lower ? "minimum" : "maximum")
          + " value of " + text;
      // lower: v >= ceil(B) (inclusive) or v >= floor(B) + 1 (exclusive); upper: v <= floor(B) or v <= ceil(B) - 1
      BigInteger t;
      if (lower) {
        t = exclusive ? floor(value).add(BigInteger.ONE) : ceil(value);
      } else {
        t = exclusive ? ceil(value).subtract(BigInteger.ONE) : floor(value);
      }
      BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
      BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
      if (lower) {
        longMode = t.compareTo(max) > 0 ? -1 : t.compareTo(min) <= 0 ? 1 : 0;
      } else {
        longMode = t.compareTo(min) < 0 ? -1 : t.compareTo(max) >= 0 ? 1 : 0;
      }
      threshold = longMode == 0 ? t.longValueExact() : 0;
    }

    private static BigInteger floor(BigDecimal d) {
      return d.setScale(0, java.math.RoundingMode.FLOOR).toBigIntegerExact();
    }

    private static BigInteger ceil(BigDecimal d) {
      return d.setScale(0, java.math.RoundingMode.CEILING).toBigIntegerExact();
    }

    boolean holds(long v) {
      if (longMode != 0) {
        return longMode > 0;
      }
      return lower ? v >= threshold : v <= threshold;
    }

    /** Whether every value from {@code min} to {@code max} holds: then a Java int or long needs no check. */
    boolean holdsForAll(long min, long max) {
      return holds(min) && holds(max);
    }

    boolean holds(BigDecimal v) {
      int c = v.compareTo(value);
      return lower ? (exclusive ? c > 0 : c >= 0) : (exclusive ? c < 0 : c <= 0);
    }

    boolean holds(double v) {
      if (Double.isInfinite(v)) {
        return lower == v > 0;
      }
      return holds(new BigDecimal(v));
    }
  }

  /** {@code type: integer} with its bounds, as an Avro int or long. */
  static final class IntegerNode extends Node {
    private final Bound[] bounds;
    /** The bounds a value of the generated class's Java type can break. */
    private final Bound[] writeBounds;
    private final boolean avroInt;

    IntegerNode(String[] pathParts, List<Bound> bounds, boolean avroInt) {
      super(pathParts, "integer", null, null);
      this.bounds = bounds.toArray(new Bound[0]);
      long min = avroInt ? Integer.MIN_VALUE : Long.MIN_VALUE;
      long max = avroInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
      this.writeBounds = bounds.stream().filter(b -> !b.holdsForAll(min, max)).toArray(Bound[]::new);
      this.avroInt = avroInt;
    }

    @Override
    Object read(JsonParser p, Walk r) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT) {
        if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
          long v = p.getLongValue();
          boolean ok = true;
          for (Bound b : bounds) {
            if (!b.holds(v)) {
              r.schema(this, b.message);
              ok = false;
            }
          }
          return ok ? fit(v, r) : null;
        }
        BigDecimal v = new BigDecimal(p.getBigIntegerValue());
        boolean ok = true;
        for (Bound b : bounds) {
          if (!b.holds(v)) {
            r.schema(this, b.message);
            ok = false;
          }
        }
        if (ok) {
          r.reading(this, contractBug(v.toPlainString()));
        }
        return null;
      }
      if (t == JsonToken.VALUE_NUMBER_FLOAT) {
        // networknt reads it as a double: an integer when it is finite and whole (1.0, 1e2), and bounded as such
        double d = p.getDoubleValue();
        boolean ok = true;
        if (Double.isInfinite(d) || d != Math.rint(d)) {
          r.schema(this, "number found, integer expected");
          ok = false;
        }
        for (Bound b : bounds) {
          if (!b.holds(d)) {
            r.schema(this, b.message);
            ok = false;
          }
        }
        if (!ok) {
          return null;
        }
        if (d < -0x1p63 || d >= 0x1p63) {
          r.reading(this, contractBug(new BigDecimal(d).toPlainString()));
          return null;
        }
        return fit((long) d, r);
      }
      return wrongType(p, r);
    }

    /** The value as the generated class holds it, or null (and a reading violation) when it does not fit. */
    private Object fit(long v, Walk r) {
      if (!avroInt) {
        return v;
      }
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        r.reading(this, contractBug(Long.toString(v)));
        return null;
      }
      return (int) v;
    }

    private String contractBug(String value) {
      return "is accepted by the JSON Schema but " + value + " does not fit a " + (avroInt ? "32-bit Avro int"
          : "64-bit Avro long") + ": the contract is inconsistent (lint AVRO_JSON_MISMATCH); report it";
    }

    @Override
    void write(JsonGenerator g, Object value, Walk w) throws IOException {
      long v = ((Number) value).longValue();
      for (Bound b : writeBounds) {
        if (!b.holds(v)) {
          w.schema(this, b.message);
        }
      }
      g.writeNumber(v);
    }
  }
}
