package io.github.eventcontracts.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.eventcontracts.RepoFiles;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzing the deserializers: for each event, in Avro and in JSON, {@code fuzz.records} records (default
 * 100,000) made of random bytes and of structured mutations of a valid record (truncation, flipped bytes,
 * inflated lengths and counts, wrong schema ids; for JSON also spliced tokens, deep nesting, long numbers,
 * escapes). Each must be read as a valid event (one that round-trips through the serdes) or refused with a
 * {@link SerializationException} naming the topic; anything else (another exception, an Error such as
 * OutOfMemoryError) fails the test with the record in hex. Run by scripts/test in a JVM with a 256 MB heap
 * (the surefire execution "hostile-input" in contracts/pom.xml). Seeded: a failure is reproducible.
 */
class SerdeFuzzTest {
  private static final int RECORDS = Integer.getInteger("fuzz.records", 100_000);
  private static final long SEED = Long.getLong("fuzz.seed", 7L);
  private static final ContractModel MODEL = ContractModel.bundled();
  private static final EventJsonCodec JSON = EventJsonCodec.create();

  private static StubRegistry registry;
  private static RegistryClient client;
  private static final List<Integer> knownIds = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    registry = new StubRegistry();
    client = new RegistryClient(RegistryConfig.of(registry.url()));
    for (EventContract e : MODEL.events()) {
      knownIds.add(registry.register(e.topic().name() + "-value", e.avroSchema().toString()));
    }
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  static Stream<String> events() {
    return MODEL.events().stream().map(EventContract::eventType);
  }

  /** The golden payload of the event, as the generated class. */
  static SpecificRecord golden(String eventType) throws Exception {
    Path dir = RepoFiles.golden().resolve(eventType).resolve("v1");
    return JSON.decode(Files.readAllBytes(dir.resolve("seed.json")));
  }

  @ParameterizedTest(name = "avro {0}")
  @MethodSource("events")
  void avroRecordsAreReadValidOrRefused(String eventType) throws Exception {
    String topic = MODEL.event(eventType).orElseThrow().topic().name();
    EventAvroSerializer<SpecificRecord> ser = new EventAvroSerializer<>(client);
    EventAvroDeserializer<SpecificRecord> de = new EventAvroDeserializer<>(client, null);
    byte[] valid = ser.serialize(topic, golden(eventType));
    SplittableRandom rnd = new SplittableRandom(SEED ^ eventType.hashCode());
    int read = 0;
    int refused = 0;
    for (int i = 0; i < RECORDS; i++) {
      byte[] record = mutateAvro(valid, rnd, i);
      SpecificRecord event;
      try {
        event = de.deserialize(topic, record);
      } catch (SerializationException e) {
        assertTrue(e.getMessage() != null && e.getMessage().contains("'" + topic + "'"), e.getMessage());
        refused++;
        continue;
      } catch (Throwable t) {
        throw new AssertionError("record " + i + " (" + HexFormat.of().formatHex(record) + ") neither read nor "
            + "refused with a SerializationException: " + t, t);
      }
      assertValidAvro(ser, de, topic, event, record, i);
      read++;
    }
    assertEquals(RECORDS, read + refused);
    assertTrue(refused > RECORDS / 2 && read > 0, "read " + read + ", refused " + refused);
  }

  @ParameterizedTest(name = "json {0}")
  @MethodSource("events")
  void jsonRecordsAreReadValidOrRefused(String eventType) throws Exception {
    String topic = MODEL.event(eventType).orElseThrow().topic().name();
    EventJsonSerializer<SpecificRecord> ser = new EventJsonSerializer<>();
    EventJsonDeserializer<SpecificRecord> de = new EventJsonDeserializer<>();
    byte[] valid = ser.serialize(topic, golden(eventType));
    SplittableRandom rnd = new SplittableRandom(SEED ^ eventType.hashCode() ^ 0x15);
    int read = 0;
    int refused = 0;
    for (int i = 0; i < RECORDS; i++) {
      byte[] record = mutateJson(valid, rnd);
      SpecificRecord event;
      try {
        event = de.deserialize(topic, record);
      } catch (SerializationException e) {
        assertTrue(e.getMessage() != null && e.getMessage().contains("'" + topic + "'")
            && !e.getMessage().contains("Cannot invoke"), e.getMessage());
        refused++;
        continue;
      } catch (Throwable t) {
        throw new AssertionError("record " + i + " (" + new String(record, StandardCharsets.UTF_8) + ") neither read "
            + "nor refused with a SerializationException: " + t, t);
      }
      // a valid event: it writes as valid JSON again and reads back equal
      byte[] again = ser.serialize(topic, event);
      assertEquals(event, de.deserialize(topic, again), "record " + i);
      read++;
    }
    assertEquals(RECORDS, read + refused);
    assertTrue(refused > RECORDS / 2 && read > 0, "read " + read + ", refused " + refused);
  }

  private static void assertValidAvro(EventAvroSerializer<SpecificRecord> ser, EventAvroDeserializer<SpecificRecord> de,
      String topic, SpecificRecord event, byte[] record, int i) {
    try {
      // a valid event: every required field is set and it writes and reads back equal
      String ownTopic = MODEL.event(eventTypeOf(event)).orElseThrow().topic().name(); // a wrong id reads another event
      SpecificRecord again = de.deserialize(ownTopic, ser.serialize(ownTopic, event));
      assertEquals(event, again);
    } catch (SerializationException e) {
      fail("record " + i + " (" + HexFormat.of().formatHex(record) + ") was read as " + event
          + ", which is not a valid event: " + e.getMessage());
    }
  }

  private static String eventTypeOf(SpecificRecord event) {
    for (EventContract e : MODEL.events()) {
      if (e.avroSchema().getFullName().equals(event.getSchema().getFullName())) {
        return e.eventType();
      }
    }
    return "";
  }

  /** One hostile Avro record: random bytes, or a mutation of the valid one. */
  static byte[] mutateAvro(byte[] valid, SplittableRandom rnd, int i) {
    int kind = rnd.nextInt(100);
    if (kind < 15) { // random bytes after a valid header
      byte[] r = new byte[5 + rnd.nextInt(120)];
      randomBytes(rnd, r, 5, r.length);
      System.arraycopy(valid, 0, r, 0, 5);
      return r;
    }
    if (kind < 20) { // random bytes, header and all (a random id makes a registry request: 1 in 256 has magic 0)
      byte[] r = new byte[rnd.nextInt(64)];
      randomBytes(rnd, r, 0, r.length);
      return r;
    }
    if (kind < 35) { // truncation
      return java.util.Arrays.copyOf(valid, rnd.nextInt(valid.length));
    }
    if (kind < 55) { // flipped bytes
      byte[] r = valid.clone();
      int flips = 1 + rnd.nextInt(4);
      for (int f = 0; f < flips; f++) {
        int at = 5 + rnd.nextInt(r.length - 5);
        r[at] = (byte) (rnd.nextBoolean() ? r[at] ^ (1 << rnd.nextInt(8)) : rnd.nextInt(256));
      }
      return r;
    }
    if (kind < 85) { // an inflated length or count: a big varint spliced in where a varint may start
      int at = 5 + rnd.nextInt(valid.length - 5);
      long big = switch (rnd.nextInt(5)) {
        case 0 -> 100_000_000L;
        case 1 -> Integer.MAX_VALUE - 8L;
        case 2 -> 1_000_000_000L;
        case 3 -> -rnd.nextLong(1, Long.MAX_VALUE);
        default -> rnd.nextLong(1, Long.MAX_VALUE);
      };
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(valid, 0, at);
      long z = (big << 1) ^ (big >> 63);
      while ((z & ~0x7FL) != 0) {
        out.write((int) ((z & 0x7F) | 0x80));
        z >>>= 7;
      }
      out.write((int) z);
      int skip = rnd.nextInt(3);
      if (at + skip < valid.length) {
        out.write(valid, at + skip, valid.length - at - skip);
      }
      return out.toByteArray();
    }
    // a wrong schema id: another event's (the data is then read with that writer schema), rarely an unknown one
    byte[] r = valid.clone();
    int id = i % 5_000 == 0 ? 900_000 + rnd.nextInt(3) : knownIds.get(rnd.nextInt(knownIds.size()));
    r[1] = (byte) (id >>> 24);
    r[2] = (byte) (id >>> 16);
    r[3] = (byte) (id >>> 8);
    r[4] = (byte) id;
    return r;
  }

  private static final String[] JSON_SPLICES = {
      "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "0", "1e999", "2147483648", "9223372036854775808",
      "\"\\ud800\"", "\\ud800", "\\u0000", "\"x\":1,", "{\"more\":1}", " {\"more\":1}", "\"event_type\":\"skill.created\",",
      "\"data\":{},", "1.5", "\"2025-13-45T99:00:00Z\"", "\"not-a-uuid\"", "[[[[[[[[[[[[", "\u00e9", "\uFFFF",
  };

  /** One hostile JSON record: random bytes, or a mutation of the valid one. */
  static byte[] mutateJson(byte[] valid, SplittableRandom rnd) {
    int kind = rnd.nextInt(100);
    if (kind < 10) { // random bytes
      byte[] r = new byte[rnd.nextInt(200)];
      randomBytes(rnd, r, 0, r.length);
      if (r.length > 0 && rnd.nextBoolean()) {
        r[0] = '{';
      }
      return r;
    }
    if (kind < 25) { // truncation
      return java.util.Arrays.copyOf(valid, rnd.nextInt(valid.length));
    }
    if (kind < 45) { // flipped bytes (may make invalid UTF-8)
      byte[] r = valid.clone();
      int flips = 1 + rnd.nextInt(3);
      for (int f = 0; f < flips; f++) {
        int at = rnd.nextInt(r.length);
        r[at] = (byte) (rnd.nextBoolean() ? r[at] ^ (1 << rnd.nextInt(8)) : rnd.nextInt(256));
      }
      return r;
    }
    if (kind < 85) { // a token spliced in, replacing 0-3 bytes
      String splice = JSON_SPLICES[rnd.nextInt(JSON_SPLICES.length)];
      int at = rnd.nextInt(valid.length + 1);
      int cut = Math.min(valid.length - at, rnd.nextInt(4));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(valid, 0, at);
      out.writeBytes(splice.getBytes(StandardCharsets.UTF_8));
      out.write(valid, at + cut, valid.length - at - cut);
      return out.toByteArray();
    }
    if (kind < 90) { // deep nesting, a long number or a long string in place of a value
      String s = new String(valid, StandardCharsets.UTF_8);
      String value = switch (rnd.nextInt(3)) {
        case 0 -> "[".repeat(1 + rnd.nextInt(200)) + "1" + "]".repeat(rnd.nextInt(200));
        case 1 -> "9".repeat(1 + rnd.nextInt(2_000));
        default -> "\"" + "x".repeat(rnd.nextInt(2_000)) + "\"";
      };
      int colon = s.indexOf(':', rnd.nextInt(s.length()));
      if (colon < 0) {
        colon = s.indexOf(':');
      }
      return (s.substring(0, colon + 1) + value + "," + s.substring(colon + 1)).getBytes(StandardCharsets.UTF_8);
    }
    // invalid UTF-8 sequences or an encoded surrogate inside a string value
    byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
    byte[] b = bad[rnd.nextInt(bad.length)];
    String s = new String(valid, StandardCharsets.UTF_8);
    int quote = s.indexOf('"', rnd.nextInt(s.length()));
    int at = quote < 0 ? 1 : quote + 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(valid, 0, at);
    out.writeBytes(b);
    out.write(valid, at, valid.length - at);
    return out.toByteArray();
  }

  private static void randomBytes(SplittableRandom rnd, byte[] r, int from, int to) {
    for (int k = from; k < to; k++) {
      r[k] = (byte) rnd.nextInt(256);
    }
  }

}
