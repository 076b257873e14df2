package io.github.eventcontracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.codec.EventValidationException;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema.Field;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One contract, one verdict: thousands of generated payloads per event, each judged by the event's JSON
 * Schema alone (networknt, format assertions on, as a producer in another language would judge it) and by
 * {@link EventJsonCodec} (what every Java consumer enforces). The verdicts must be identical: a payload the
 * published schema accepts is read by the codec, and one it refuses is refused.
 *
 * <p>Payloads start from the event's golden sample and change one or two values at a time: every RFC 3339
 * form of the timestamp (fraction lengths, offsets, lower-case t and z, leap seconds and days, out-of-range
 * fields, separators), edge values of every integer (the Avro int and long bounds and one beyond, written as
 * integers, decimals and exponents), uuids, enum symbols, strings, arrays, nulls, missing and extra
 * properties. The generator is seeded, so a failure is reproducible.
 */
class SchemaCodecAgreementTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ContractModel MODEL = ContractModel.load(RepoFiles.schemas());
  private static final EventJsonCodec CODEC = new EventJsonCodec(MODEL);
  private static final int PER_EVENT = 4000;
  /** Replaced by a raw JSON token after serialisation, so that numbers keep the exact spelling generated. */
  private static final String RAW = "\u0000raw\u0000";

  private static final SchemaRegistry NETWORKNT = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  @TestFactory
  List<DynamicTest> schemaAndCodecGiveTheSameVerdict() {
    List<DynamicTest> tests = new ArrayList<>();
    for (EventContract e : MODEL.events()) {
      tests.add(DynamicTest.dynamicTest(e.eventType(), () -> agree(e)));
    }
    return tests;
  }

  private static void agree(EventContract event) throws Exception {
    Schema schema = NETWORKNT.getSchema(event.jsonSource().root());
    Class<? extends SpecificRecord> type = CODEC.classOf(event.eventType());
    ObjectNode base = (ObjectNode) MAPPER.readTree(Files.readString(
        RepoFiles.golden().resolve(event.eventType()).resolve("v1/seed.json")));
    Set<String> payloads = new LinkedHashSet<>(generate(event, base, new Random(event.eventType().hashCode())));
    Map<String, String> disagreements = new TreeMap<>();
    int accepted = 0;
    for (String json : payloads) {
      boolean schemaAccepts = schema.validate(json, InputFormat.JSON).isEmpty();
      boolean codecAccepts;
      try {
        SpecificRecord read = CODEC.decode(json, type);
        codecAccepts = true;
        checkRead(json, read, type);
      } catch (EventValidationException x) {
        codecAccepts = false;
        if (schemaAccepts) {
          disagreements.put(json, "schema accepts, codec refuses: " + x.violations());
        }
      } catch (RuntimeException x) {
        fail("the codec threw " + x + " instead of a verdict for " + json, x);
        return;
      }
      if (schemaAccepts && !codecAccepts || !schemaAccepts && codecAccepts) {
        disagreements.putIfAbsent(json, "schema " + (schemaAccepts ? "accepts" : "refuses") + ", codec "
            + (codecAccepts ? "accepts" : "refuses"));
      }
      accepted += schemaAccepts ? 1 : 0;
    }
    assertTrue(disagreements.isEmpty(), disagreements.size() + " of " + payloads.size() + " payloads of "
        + event.eventType() + " get different verdicts, e.g. " + disagreements.entrySet().stream().limit(10).toList());
    // the generator must produce both kinds in numbers, or the agreement proves nothing
    assertTrue(payloads.size() >= 2000, "only " + payloads.size() + " distinct payloads");
    assertTrue(accepted >= 300 && payloads.size() - accepted >= 300,
        accepted + " accepted and " + (payloads.size() - accepted) + " refused of " + payloads.size());
  }

  /** An accepted payload is read as it was meant: the timestamp in UTC milliseconds, and it survives a round trip. */
  private static void checkRead(String json, SpecificRecord read, Class<? extends SpecificRecord> type) throws Exception {
    String ts = MAPPER.readTree(json).get("timestamp").textValue();
    Instant expected = OffsetDateTime.parse(ts.toUpperCase(java.util.Locale.ROOT)).toInstant();
    assertEquals(expected, read.get(read.getSchema().getField("timestamp").pos()), json);
    String again = CODEC.encode(read);
    assertEquals(read, CODEC.decode(again, type), again);
  }

  private static List<String> generate(EventContract event, ObjectNode base, Random r) throws Exception {
    List<String> out = new ArrayList<>();
    out.add(MAPPER.writeValueAsString(base));
    // the timestamp: the richest source of disagreement
    for (int i = 0; i < PER_EVENT / 2; i++) {
      ObjectNode p = base.deepCopy();
      p.put("timestamp", timestamp(r));
      out.add(MAPPER.writeValueAsString(p));
    }
    // every other value, one or two at a time
    List<String[]> leaves = new ArrayList<>();
    leaves(event.avroSchema(), "", leaves);
    while (out.size() < PER_EVENT) {
      ObjectNode p = base.deepCopy();
      String raw = null;
      int changes = 1 + r.nextInt(2);
      for (int c = 0; c < changes; c++) {
        String[] leaf = leaves.get(r.nextInt(leaves.size()));
        String rawHere = mutate(p, leaf[0], leaf[1], r);
        raw = rawHere != null ? rawHere : raw;
      }
      String json = MAPPER.writeValueAsString(p);
      out.add(raw == null ? json : json.replace(MAPPER.writeValueAsString(RAW), raw));
    }
    return out;
  }

  /** Every field as {JSON path, kind}, the kind telling which edge values fit it. */
  private static void leaves(org.apache.avro.Schema s, String path, List<String[]> out) {
    for (Field f : s.getFields()) {
      org.apache.avro.Schema t = f.schema().isUnion() ? f.schema().getTypes().get(1) : f.schema();
      String p = path.isEmpty() ? f.name() : path + "." + f.name();
      String kind = t.getLogicalType() != null ? t.getLogicalType().getName() : t.getType().getName();
      if (t.getType() == org.apache.avro.Schema.Type.RECORD) {
        leaves(t, p, out);
        out.add(new String[] {p, "record"});
      } else {
        out.add(new String[] {p, kind});
      }
    }
    out.add(new String[] {path.isEmpty() ? "" : path, "extra"});
  }

  private static final String[] NUMBERS = {"0", "1", "-1", "-0", "-0.0", "0.0", "1.0", "1.5", "1e2", "1E+2", "2.5e1",
      "2147483647", "2147483648", "-2147483648", "-2147483649", "2147483647.0", "2147483648.0", "2147483647e0",
      "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
      "9223372036854775807.0", "9223372036854775806", "9.223372036854775807e18", "1e19", "1e400", "-1e400", "1e-400",
      "4294967296", "18446744073709551616", "123456789012345678901234567890", "0.1", "1.00000000000000000001",
      "\"1\"", "true", "null", "[]", "{}"};
  private static final String[] STRINGS = {"\"\"", "\"x\"", "\"skill-1\"", "\"\\u00e9\\u4e2d\\ud83d\\ude00\"",
      "\"" + "a".repeat(5000) + "\"", "\" \"", "1", "true", "null", "[]", "{}", "\"\\u0000\""};
  private static final String[] UUIDS = {"\"123e4567-e89b-12d3-a456-426614174000\"", "\"123E4567-E89B-12D3-A456-426614174000\"",
      "\"00000000-0000-0000-0000-000000000000\"", "\"ffffffff-ffff-ffff-ffff-ffffffffffff\"",
      "\"123e4567e89b12d3a456426614174000\"", "\"{123e4567-e89b-12d3-a456-426614174000}\"", "\"1-1-1-1-1\"",
      "\"123e4567-e89b-12d3-a456-42661417400\"", "\"123e4567-e89b-12d3-a456-4266141740000\"",
      "\"g23e4567-e89b-12d3-a456-426614174000\"", "\" 123e4567-e89b-12d3-a456-426614174000\"",
      "\"urn:uuid:123e4567-e89b-12d3-a456-426614174000\"", "\"123e4567-e89b-12d3-a456_426614174000\"", "\"\"", "1", "null"};

  /** Changes one value of the payload; returns the raw token put in place of {@link #RAW}, if any. */
  private static String mutate(ObjectNode p, String path, String kind, Random r) throws Exception {
    String[] parts = path.isEmpty() ? new String[0] : path.split("\\.");
    ObjectNode parent = p;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = parent.get(parts[i]);
      if (!(next instanceof ObjectNode o)) {
        return null; // an earlier change replaced the parent
      }
      parent = o;
    }
    String name = parts.length == 0 ? null : parts[parts.length - 1];
    if (kind.equals("extra")) {
      ObjectNode at = name == null ? p : parent.get(name) instanceof ObjectNode o ? o : null;
      if (at != null) {
        at.put(r.nextBoolean() ? "extra_field" : "Category", "x");
      }
      return null;
    }
    switch (r.nextInt(10)) {
      case 0 -> {
        parent.remove(name);
        return null;
      }
      case 1 -> {
        parent.putNull(name);
        return null;
      }
      default -> { }
    }
    String raw = switch (kind) {
      case "int", "long" -> NUMBERS[r.nextInt(NUMBERS.length)];
      case "uuid" -> UUIDS[r.nextInt(UUIDS.length)];
      case "timestamp-millis" -> MAPPER.writeValueAsString(timestamp(r));
      case "string" -> name.equals("event_type") ? eventType(r) : STRINGS[r.nextInt(STRINGS.length)];
      case "enum" -> MAPPER.writeValueAsString(pick(r, "passed", "failed", "error", "unknown", "success", "failure",
          "cancelled", "PASSED", "", "Success ", "done"));
      case "array" -> array(r);
      case "record" -> pick(r, "{}", "[]", "\"x\"", "1");
      default -> throw new IllegalStateException("no edge values for " + kind + " at " + path);
    };
    parent.put(name, RAW);
    return raw;
  }

  private static String eventType(Random r) throws Exception {
    return MAPPER.writeValueAsString(pick(r, "skill.created", "skill.updated", "project.generated", "project.completed",
        "validation.completed", "Skill.Created", "skill.created ", ""));
  }

  private static String array(Random r) throws Exception {
    ArrayNode a = MAPPER.createArrayNode();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(6)) {
        case 0 -> a.add(1);
        case 1 -> a.addNull();
        case 2 -> a.add("");
        case 3 -> a.addArray().add("x");
        default -> a.add("src/file" + i + ".py");
      }
    }
    return r.nextInt(8) == 0 ? pick(r, "\"x\"", "{}", "1") : MAPPER.writeValueAsString(a);
  }

  /**
   * An RFC 3339 date-time, or something near one, built from edge values of each of its parts; each part is
   * a valid one most of the time, so that about half the results are valid date-times.
   */
  static String timestamp(Random r) {
    String year = edge(r, new String[] {"2025", "2024", "2000", "1900", "2100", "0000", "0001", "1970", "1969", "9999"},
        "10000", "999", "+2025");
    String month = edge(r, new String[] {"01", "02", "04", "06", "09", "11", "12"}, "00", "13", "1");
    String day = edge(r, new String[] {"01", "15", "28", "29", "30", "31"}, "00", "32", "1");
    String sep = edge(r, new String[] {"T", "T", "t"}, " ", "_", "");
    String hour = edge(r, new String[] {"00", "10", "23"}, "24", "1");
    String minute = edge(r, new String[] {"00", "59"}, "60", "5");
    String second = edge(r, new String[] {"00", "30", "59"}, "60", "61", "");
    int digits = r.nextInt(r.nextBoolean() ? 4 : 13) - 1;
    String fraction = digits < 0 ? "" : "." + "1234567890123".substring(0, digits);
    if (r.nextInt(8) == 0) {
      fraction = pick(r, ".000", ".999", ".0", ".5", ",123", ".12a", ".\u0661\u0662\u0663");
    }
    String offset = edge(r, new String[] {"Z", "Z", "z", "+00:00", "-00:00", "+01:00", "-08:00", "+05:30", "+14:00",
        "-12:00", "+18:00", "-18:00", "+17:59", "-00:01"}, "+18:01", "+19:00", "+23:59", "+24:00", "+00:60", "+0100",
        "+01", "+01:00:00", "", "UTC", " Z", "Z ", "Z\n", "\u2212" + "01:00");
    String time = second.isEmpty() ? hour + ":" + minute : hour + ":" + minute + ":" + second;
    String s = year + "-" + month + "-" + day + sep + time + fraction + offset;
    return r.nextInt(40) == 0 ? " " + s : s;
  }

  /** One of {@code valid} most of the time, else one of {@code invalid}. */
  private static String edge(Random r, String[] valid, String... invalid) {
    return r.nextInt(10) == 0 ? pick(r, invalid) : pick(r, valid);
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }
}
