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
import io.github.eventcontracts.codec.Violation;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
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
 * One contract, one verdict: thousands of payloads per event, each judged by the event's JSON Schema alone
 * (networknt, the reference: the dialect its {@code $schema} names, format assertions on, as a producer in
 * another language would judge it) and by {@link EventJsonCodec}'s compiled reader (what every Java consumer
 * enforces). The verdicts must be identical, and so must the violations (JSON path and reason): a payload the
 * published schema accepts is read by the codec, and one it refuses is refused for the same reasons.
 *
 * <p>Two sources of payloads, both seeded so that a failure is reproducible. Generated ones start from the
 * event's golden sample and change one or two values at a time: every RFC 3339 form of the timestamp (fraction
 * lengths, offsets, lower-case t and z, leap seconds and days, out-of-range fields, separators), edge values of
 * every integer (the Avro int and long bounds, 2^53 and one beyond, written as integers, decimals and
 * exponents), uuids, enum symbols, strings, arrays, nulls, missing and extra properties. Mutated ones edit the
 * golden payload's text at random (characters replaced, inserted or deleted, JSON tokens spliced in); those
 * that are no longer one well-formed JSON object without duplicate keys must be refused as such, the others
 * get networknt's verdict.
 */
class SchemaCodecAgreementTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** How the codec reads a payload as a tree: strict about duplicate keys and trailing data. */
  private static final ObjectMapper STRICT = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ContractModel MODEL = ContractModel.load(RepoFiles.schemas());
  private static final EventJsonCodec CODEC = new EventJsonCodec(MODEL);
  private static final int PER_EVENT = 4000;
  private static final int MUTATED_PER_EVENT = Integer.getInteger("agreement.mutations", 20_000);
  /** Replaced by a raw JSON token after serialisation, so that numbers keep the exact spelling generated. */
  private static final String RAW = "\u0000raw\u0000";

  /** networknt, reading the dialect each schema's {@code $schema} names (draft-07 when it names none). */
  private static final SchemaRegistry NETWORKNT = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
          .pathType(com.networknt.schema.path.PathType.JSON_PATH).build()));

  @TestFactory
  List<DynamicTest> schemaAndCodecGiveTheSameVerdict() {
    return MODEL.events().stream().map(e -> DynamicTest.dynamicTest(e.eventType(), () -> agree(e))).toList();
  }

  @TestFactory
  List<DynamicTest> mutatedPayloadsGetTheSameVerdict() {
    return MODEL.events().stream().map(e -> DynamicTest.dynamicTest(e.eventType(), () -> agreeOnMutations(e))).toList();
  }

  private static ObjectNode golden(EventContract event) throws Exception {
    return (ObjectNode) MAPPER.readTree(Files.readString(
        RepoFiles.golden().resolve(event.eventType()).resolve("v1/seed.json")));
  }

  private static void agree(EventContract event) throws Exception {
    Schema schema = NETWORKNT.getSchema(event.jsonSource().root());
    Set<String> payloads = new LinkedHashSet<>(generate(event, golden(event), new Random(event.eventType().hashCode())));
    Map<String, String> disagreements = new TreeMap<>();
    int accepted = 0;
    for (String json : payloads) {
      String d = disagreement(schema, event, json, MAPPER.readTree(json));
      if (d != null) {
        disagreements.put(json, d);
      }
      accepted += schema.validate(json, InputFormat.JSON).isEmpty() ? 1 : 0;
    }
    assertTrue(disagreements.isEmpty(), disagreements.size() + " of " + payloads.size() + " payloads of "
        + event.eventType() + " get different verdicts, e.g. " + disagreements.entrySet().stream().limit(10).toList());
    // the generator must produce both kinds in numbers, or the agreement proves nothing
    assertTrue(payloads.size() >= 2000, "only " + payloads.size() + " distinct payloads");
    assertTrue(accepted >= 300 && payloads.size() - accepted >= 300,
        accepted + " accepted and " + (payloads.size() - accepted) + " refused of " + payloads.size());
  }

  /**
   * Where networknt and the codec differ on {@code json} ({@code tree} as the codec would read it), or null:
   * the verdict, and every violation (JSON path and reason). The one refusal of the codec's own is a lone
   * surrogate in a string the schema accepts (README, "Hostile records": no Unicode text, and UTF-8 cannot
   * carry it); any other value the schema accepts and the codec refuses is a disagreement.
   */
  private static String disagreement(Schema schema, EventContract event, String json, JsonNode tree) throws Exception {
    List<String> expected = new ArrayList<>();
    for (com.networknt.schema.Error err : schema.validate(tree)) {
      expected.add(err.getInstanceLocation() + ": " + (err.getMessage().startsWith("does not match the regex pattern ")
          && err.getMessage().length() > 120 ? "(long pattern)" : err.getMessage()));
    }
    List<String> actual = new ArrayList<>();
    Class<? extends SpecificRecord> type = CODEC.classOf(event.eventType());
    try {
      SpecificRecord read = CODEC.decode(json, type);
      checkRead(json, read, type);
    } catch (EventValidationException x) {
      for (Violation v : x.violations()) {
        actual.add(v.path() + ": " + (v.reason().startsWith("does not match the pattern its JSON Schema requires")
            ? "(long pattern)" : v.reason()));
      }
    } catch (RuntimeException x) {
      fail("the codec threw " + x + " instead of a verdict for " + json, x);
    }
    if (expected.isEmpty()) {
      actual.removeIf(v -> v.contains(": holds a lone UTF-16 surrogate"));
    }
    Collections.sort(expected);
    Collections.sort(actual);
    if (expected.isEmpty() != actual.isEmpty()) {
      return "schema " + (expected.isEmpty() ? "accepts" : "refuses " + expected) + ", codec "
          + (actual.isEmpty() ? "accepts" : "refuses " + actual);
    }
    return expected.equals(actual) ? null : "both refuse, for other reasons: schema " + expected + ", codec " + actual;
  }

  private static void agreeOnMutations(EventContract event) throws Exception {
    Schema schema = NETWORKNT.getSchema(event.jsonSource().root());
    String golden = MAPPER.writeValueAsString(golden(event));
    Random r = new Random(event.eventType().hashCode() ^ 0x5eed);
    Map<String, String> disagreements = new TreeMap<>();
    int wellFormed = 0;
    int accepted = 0;
    for (int i = 0; i < MUTATED_PER_EVENT; i++) {
      String json = mutate(golden, r);
      JsonNode tree;
      try {
        tree = STRICT.readTree(json);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        tree = null;
      }
      if (tree == null || !tree.isObject()) {
        // no one JSON object: refused as such, before any keyword
        try {
          CODEC.decode(json, CODEC.classOf(event.eventType()));
          disagreements.put(json, "not one well-formed JSON object, yet the codec read it");
        } catch (EventValidationException x) {
          if (x.violations().size() != 1 || !x.violations().get(0).path().equals("$")) {
            disagreements.put(json, "not one well-formed JSON object, yet refused with " + x.violations());
          }
        }
        continue;
      }
      wellFormed++;
      String d = disagreement(schema, event, json, tree);
      if (d != null) {
        disagreements.put(json, d);
      }
      accepted += schema.validate(tree).isEmpty() ? 1 : 0;
    }
    assertTrue(disagreements.isEmpty(), disagreements.size() + " of " + MUTATED_PER_EVENT + " mutated payloads of "
        + event.eventType() + " get different verdicts, e.g. " + disagreements.entrySet().stream().limit(10).toList());
    assertTrue(wellFormed >= MUTATED_PER_EVENT / 10 && accepted >= MUTATED_PER_EVENT / 100,
        wellFormed + " well-formed and " + accepted + " accepted of " + MUTATED_PER_EVENT);
  }

  private static final String[] SPLICES = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "false", "-1", "0",
      "1.0", "1e2", "-0", "2147483648", "9007199254740992", "9223372036854775808", "\"\"", "\"x\"", "\\u0000",
      "\\ud800", "\\n", " ", "\t", "Z", "z", "T", "t", "+", "-", ".", "5", "9", "a", "A", "\"extra\":1,",
      "\"data\":{},", "\u00e9", "\u2028", "{\"a\":1}", "[1]"};

  /** The text of a payload with 1 to 3 random edits. */
  private static String mutate(String json, Random r) {
    StringBuilder b = new StringBuilder(json);
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = r.nextInt(b.length());
      switch (r.nextInt(4)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.setCharAt(at, (char) (r.nextBoolean() ? 32 + r.nextInt(95) : "0123456789-:.TZ+\"".charAt(r.nextInt(17))));
        case 2 -> b.insert(at, SPLICES[r.nextInt(SPLICES.length)]);
        default -> b.replace(at, Math.min(b.length(), at + 1 + r.nextInt(4)), SPLICES[r.nextInt(SPLICES.length)]);
      }
    }
    return b.toString();
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
      p.put("timestamp", Generated.timestamp(r));
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
      "9007199254740991", "9007199254740992", "-9007199254740991", "-9007199254740992", "9007199254740993",
      "9007199254740991.0", "9007199254740992.0", "9.007199254740991e15", "9.007199254740993e15", "-9.007199254740992E15",
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
      case "timestamp-millis" -> MAPPER.writeValueAsString(Generated.timestamp(r));
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

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }
}
