package io.github.eventcontracts.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;

/**
 * Checks that the Avro schema and the JSON Schema of an event say the same thing: the same field names,
 * the same required/optional split, matching types and the same enum symbols, at every level; and that
 * the JSON Schema is never looser than Avro: integers within the Avro int range, or for an Avro long within
 * +/-(2^53-1) (what every JSON parser reads alike), timestamps no finer than the logical type (a
 * {@code pattern}). Each
 * disagreement is a finding located in the Avro file that also names the JSON Schema file and line.
 */
public final class SchemaAgreement {
  public static final String RULE = "AVRO_JSON_MISMATCH";

  private final EventContract event;
  private final List<Finding> findings = new ArrayList<>();

  private SchemaAgreement(EventContract event) {
    this.event = event;
  }

  /** Every disagreement between the event's two schemas; empty when they agree. */
  public static List<Finding> check(EventContract event) {
    SchemaAgreement a = new SchemaAgreement(event);
    JsonNode jsonRoot = event.jsonSource().root();
    a.record(event.avroSchema(), "", jsonRoot, "", "");
    return List.copyOf(a.findings);
  }

  /** Every disagreement in every event of the model. */
  public static List<Finding> check(ContractModel model) {
    List<Finding> all = new ArrayList<>();
    model.events().forEach(e -> all.addAll(check(e)));
    return all;
  }

  private void mismatch(String avroPtr, String jsonPtr, String path, String what, String hint) {
    Position j = event.jsonSource().position(jsonPtr);
    findings.add(Finding.at(RULE, event.avroSource(), avroPtr, path,
        what + " (Avro " + event.avroSource().file() + " vs JSON Schema " + event.jsonSource().file() + ":"
            + j.line() + ":" + j.column() + ")", hint));
  }

  private JsonNode deref(JsonNode json) {
    JsonNode n = json;
    for (int guard = 0; guard < 32 && n.has("$ref") && n.get("$ref").asText().startsWith("#"); guard++) {
      JsonNode target = event.jsonSource().root().at(n.get("$ref").asText().substring(1));
      if (target.isMissingNode()) {
        return n;
      }
      n = target;
    }
    return n;
  }

  private void record(Schema avro, String avroPtr, JsonNode json, String jsonPtr, String path) {
    json = deref(json);
    if (!jsonTypes(json).contains("object")) {
      mismatch(avroPtr, jsonPtr, display(path), "a record in Avro but not an object in JSON Schema",
          "make the JSON Schema node {\"type\": \"object\", ...}");
      return;
    }
    JsonNode props = json.path("properties");
    Set<String> required = new LinkedHashSet<>();
    json.path("required").forEach(r -> required.add(r.asText()));
    Set<String> avroNames = new LinkedHashSet<>();
    List<Schema.Field> fields = avro.getFields();
    for (int i = 0; i < fields.size(); i++) {
      Schema.Field f = fields.get(i);
      avroNames.add(f.name());
      String fieldPtr = avroPtr + "/fields/" + i;
      String fieldPath = path.isEmpty() ? f.name() : path + "." + f.name();
      String propPtr = jsonPtr + "/properties/" + f.name();
      JsonNode prop = props.get(f.name());
      if (prop == null) {
        mismatch(fieldPtr, jsonPtr.isEmpty() ? "" : jsonPtr, fieldPath,
            "field '" + f.name() + "' is in the Avro schema but not in the JSON Schema",
            "add property '" + f.name() + "' to the JSON Schema, or remove the field from the Avro schema");
        continue;
      }
      boolean avroOptional = isOptional(f);
      boolean jsonOptional = !required.contains(f.name());
      if (avroOptional != jsonOptional) {
        mismatch(fieldPtr, propPtr, fieldPath, avroOptional
                ? "optional in Avro (nullable, default null) but required in JSON Schema"
                : "required in Avro but optional in JSON Schema (not in 'required')",
            avroOptional ? "remove '" + f.name() + "' from the JSON Schema's required list"
                : "add '" + f.name() + "' to the JSON Schema's required list, or make the Avro field "
                    + "[\"null\", ...] with default null");
      }
      Schema type = nonNull(f.schema());
      value(type, fieldPtr + "/type" + (f.schema().isUnion() ? "/" + f.schema().getTypes().indexOf(type) : ""),
          prop, propPtr, fieldPath);
    }
    for (var it = props.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!avroNames.contains(name)) {
        mismatch(avroPtr, jsonPtr + "/properties/" + name, path.isEmpty() ? name : path + "." + name,
            "property '" + name + "' is in the JSON Schema but not in the Avro schema",
            "add field '" + name + "' to the Avro record, or remove the property from the JSON Schema");
      }
    }
  }

  private void value(Schema avro, String avroPtr, JsonNode json, String jsonPtr, String path) {
    json = deref(json);
    Set<String> types = jsonTypes(json);
    LogicalType lt = avro.getLogicalType();
    String format = json.path("format").asText("");
    switch (avro.getType()) {
      case RECORD -> record(avro, avroPtr, json, jsonPtr, path);
      case ENUM -> {
        Set<String> jsonSymbols = new TreeSet<>();
        json.path("enum").forEach(s -> jsonSymbols.add(s.asText()));
        Set<String> avroSymbols = new TreeSet<>(avro.getEnumSymbols());
        if (!types.contains("string") || !jsonSymbols.equals(avroSymbols)) {
          mismatch(avroPtr, jsonPtr, path, "enum symbols differ: Avro " + avroSymbols + ", JSON Schema "
              + jsonSymbols, "list the same symbols in both files");
        }
      }
      case ARRAY -> {
        if (!types.contains("array")) {
          expect(avroPtr, jsonPtr, path, "an array", "array");
        } else {
          value(nonNull(avro.getElementType()), avroPtr, json.path("items"), jsonPtr + "/items", path + "[]");
        }
      }
      case MAP -> {
        if (!types.contains("object") || !json.path("additionalProperties").isObject()) {
          expect(avroPtr, jsonPtr, path, "a map", "object with an 'additionalProperties' schema");
        } else {
          value(nonNull(avro.getValueType()), avroPtr, json.get("additionalProperties"),
              jsonPtr + "/additionalProperties", path + "{}");
        }
      }
      case STRING -> {
        if (lt != null && lt.getName().equals("uuid")) {
          if (!types.contains("string") || !format.equals("uuid")) {
            expect(avroPtr, jsonPtr, path, "a uuid", "string with \"format\": \"uuid\"");
          }
        } else if (!types.contains("string")) {
          expect(avroPtr, jsonPtr, path, "a string", "string");
        }
      }
      case INT, LONG -> {
        if (lt != null && lt.getName().startsWith("timestamp")) {
          if (!types.contains("string") || !format.equals("date-time")) {
            expect(avroPtr, jsonPtr, path, "a timestamp", "string with \"format\": \"date-time\"");
          } else {
            timestampPattern(lt.getName(), avroPtr, json, jsonPtr, path);
          }
        } else if (lt != null && lt.getName().equals("date")) {
          if (!types.contains("string") || !format.equals("date")) {
            expect(avroPtr, jsonPtr, path, "a date", "string with \"format\": \"date\"");
          }
        } else if (!types.contains("integer")) {
          expect(avroPtr, jsonPtr, path, "an integer (" + avro.getType().getName() + ")", "integer");
        } else {
          integerBounds(avro.getType(), avroPtr, json, jsonPtr, path);
        }
      }
      case FLOAT, DOUBLE -> {
        if (!types.contains("number")) {
          expect(avroPtr, jsonPtr, path, "a number (" + avro.getType().getName() + ")", "number");
        }
      }
      case BOOLEAN -> {
        if (!types.contains("boolean")) {
          expect(avroPtr, jsonPtr, path, "a boolean", "boolean");
        }
      }
      default -> mismatch(avroPtr, jsonPtr, path, "Avro type " + avro.getType().getName()
          + " has no JSON Schema counterpart in this project", "use a record, enum, array, map, string, int, long, float, double or boolean (optional: [\"null\", T] "
              + "with default null); bytes, fixed and other unions have no JSON form here");
    }
  }

  private static final BigDecimal[] INT_RANGE = {BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE)};
  /**
   * The JSON range of an Avro long: +/-(2^53-1), the integers every JSON parser reads exactly (I-JSON, RFC 7493
   * section 2.2). Beyond it JavaScript (ajv) reads 9223372036854775807 as 2^63, and parsers disagree.
   */
  static final BigDecimal[] LONG_RANGE = {BigDecimal.valueOf(-9_007_199_254_740_991L),
      BigDecimal.valueOf(9_007_199_254_740_991L)};

  /**
   * A JSON integer must not allow a value its Avro int cannot hold, nor, for an Avro long, one beyond
   * +/-(2^53-1) that JSON parsers read differently: its lowest and highest allowed integers
   * ({@code minimum}/{@code exclusiveMinimum}, {@code maximum}/{@code exclusiveMaximum}) must lie within that
   * range. A tighter range is fine.
   */
  private void integerBounds(Schema.Type type, String avroPtr, JsonNode json, String jsonPtr, String path) {
    boolean isInt = type == Schema.Type.INT;
    BigDecimal[] range = isInt ? INT_RANGE : LONG_RANGE;
    BigDecimal low = bound(json, "minimum", "exclusiveMinimum", true);
    BigDecimal high = bound(json, "maximum", "exclusiveMaximum", false);
    String within = isInt ? "the Avro int (" + range[0].toPlainString() + " to " + range[1].toPlainString()
        + "), which readers cannot hold" : "+/-(2^53-1) (" + range[1].toPlainString() + "), which JSON parsers do "
        + "not all read alike (I-JSON, RFC 7493 section 2.2; JavaScript reads 9223372036854775807 as 2^63)";
    if (low == null || low.compareTo(range[0]) < 0) {
      mismatch(avroPtr, jsonPtr, path, "the JSON Schema allows integers below " + within + ": "
          + (low == null ? "no minimum" : "lowest " + low.toPlainString()),
          "add \"minimum\": " + range[0].toPlainString() + " (or a higher one) to the JSON Schema property");
    }
    if (high == null || high.compareTo(range[1]) > 0) {
      mismatch(avroPtr, jsonPtr, path, "the JSON Schema allows integers above " + within + ": "
          + (high == null ? "no maximum" : "highest " + high.toPlainString()),
          "add \"maximum\": " + range[1].toPlainString() + " (or a lower one) to the JSON Schema property");
    }
  }

  /** The lowest (or highest) integer a JSON integer schema allows, or null when it is unbounded that way. */
  private static BigDecimal bound(JsonNode json, String inclusive, String exclusive, boolean lower) {
    BigDecimal best = null;
    if (json.path(inclusive).isNumber()) {
      BigDecimal v = json.get(inclusive).decimalValue();
      best = lower ? v.setScale(0, RoundingMode.CEILING) : v.setScale(0, RoundingMode.FLOOR);
    }
    if (json.path(exclusive).isNumber()) {
      BigDecimal v = json.get(exclusive).decimalValue();
      BigDecimal e = lower ? v.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)
          : v.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
      best = best == null ? e : lower ? best.max(e) : best.min(e);
    }
    return best;
  }

  /**
   * Timestamps a timestamp's JSON Schema must refuse, because the Avro logical type cannot hold them or
   * {@link java.time.OffsetDateTime} cannot read them, and ones it must accept. Checked with the schema's
   * {@code pattern}, the only keyword that can state them ({@code format: date-time} allows any precision).
   */
  private static final List<String> TOO_FINE_FOR_MILLIS = List.of("2025-01-27T10:00:00.1234Z",
      "2025-01-27T10:00:00.123456+00:00", "2025-01-27T10:00:00.123456789Z");
  private static final List<String> TOO_FINE_FOR_MICROS = List.of("2025-01-27T10:00:00.1234567Z",
      "2025-01-27T10:00:00.123456789Z");
  private static final List<String> UNREADABLE = List.of("2025-01-27T10:00:00+19:00", "2016-12-31T23:59:60Z",
      "0000-01-01T00:00:00+01:00", "9999-12-31T23:00:00-02:00");
  private static final List<String> VALID = List.of("2025-01-27T10:00:00Z", "2025-01-27T10:00:00.123Z",
      "2025-01-27T10:00:00.5+05:30");

  private void timestampPattern(String logical, String avroPtr, JsonNode json, String jsonPtr, String path) {
    String hint = "give the JSON Schema property a \"pattern\" that allows at most "
        + (logical.endsWith("micros") ? 6 : 3) + " fraction digits and offsets within 18:00 (see docs/events.md, "
        + "\"The timestamp contract\")";
    if (!json.path("pattern").isTextual()) {
      mismatch(avroPtr, jsonPtr, path, "the JSON Schema accepts any RFC 3339 precision and offset (no pattern), but "
          + logical + " holds " + (logical.endsWith("micros") ? "microseconds" : "milliseconds"), hint);
      return;
    }
    java.util.regex.Pattern p;
    try {
      p = java.util.regex.Pattern.compile(json.get("pattern").textValue());
    } catch (java.util.regex.PatternSyntaxException e) {
      mismatch(avroPtr, jsonPtr + "/pattern", path, "the timestamp pattern does not compile: " + e.getDescription(), hint);
      return;
    }
    List<String> refuse = new ArrayList<>(logical.endsWith("micros") ? TOO_FINE_FOR_MICROS : TOO_FINE_FOR_MILLIS);
    refuse.addAll(UNREADABLE);
    List<String> accepted = refuse.stream().filter(t -> p.matcher(t).find()).toList();
    if (!accepted.isEmpty()) {
      mismatch(avroPtr, jsonPtr + "/pattern", path, "the JSON Schema's pattern accepts " + accepted + ", which "
          + logical + " cannot hold or readers cannot read", hint);
    }
    List<String> refused = VALID.stream().filter(t -> !p.matcher(t).find()).toList();
    if (!refused.isEmpty()) {
      mismatch(avroPtr, jsonPtr + "/pattern", path, "the JSON Schema's pattern refuses valid timestamps " + refused,
          hint);
    }
  }

  private void expect(String avroPtr, String jsonPtr, String path, String avroWhat, String jsonWant) {
    mismatch(avroPtr, jsonPtr, path, avroWhat + " in Avro but JSON Schema says " + describe(event.jsonSource()
        .root().at(jsonPtr)), "make the JSON Schema type " + jsonWant + ", or change the Avro type");
  }

  private static String describe(JsonNode json) {
    String d = String.join("|", jsonTypes(json));
    return (d.isEmpty() ? "no type" : "type " + d) + (json.has("format") ? " format " + json.get("format").asText() : "");
  }

  /** The JSON types a node allows (from "type", or implied by "const" / "enum"), without "null". */
  static Set<String> jsonTypes(JsonNode json) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode t = json.get("type");
    if (t != null && t.isTextual()) {
      types.add(t.textValue());
    } else if (t != null && t.isArray()) {
      t.forEach(x -> types.add(x.asText()));
    } else if (json.has("const") || json.has("enum")) {
      JsonNode sample = json.has("const") ? json.get("const") : json.get("enum").path(0);
      types.add(sample.isTextual() ? "string" : sample.isIntegralNumber() ? "integer" : sample.isNumber() ? "number"
          : sample.isBoolean() ? "boolean" : sample.isObject() ? "object" : sample.isArray() ? "array" : "null");
    }
    types.remove("null");
    return types;
  }

  /** Optional in Avro means: a union with null whose default is null. */
  public static boolean isOptional(Schema.Field f) {
    return f.schema().isNullable() && f.hasDefaultValue() && f.defaultVal() == org.apache.avro.JsonProperties.NULL_VALUE;
  }

  private static Schema nonNull(Schema s) {
    if (!s.isUnion()) {
      return s;
    }
    return s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(s);
  }

  private static String display(String path) {
    return path.isEmpty() ? "(root)" : path;
  }
}
