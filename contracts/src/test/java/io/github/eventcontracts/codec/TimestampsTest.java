package io.github.eventcontracts.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The writer's canonical timestamps and uuids are what ISO_INSTANT and UUID.toString() write. */
class TimestampsTest {
  private final char[] out = new char[36];

  @Test
  void canonicalIsIsoInstantForWholeMillisecondsInTheYears0000To9999() {
    Random r = new Random(3);
    for (int i = 0; i < 200_000; i++) {
      long ms = i < 1000 ? 1_737_972_000_000L + i * 7 : r.nextLong(-62_167_219_200_000L, 253_402_300_800_000L);
      check(Instant.ofEpochMilli(ms));
    }
    check(Instant.parse("0000-01-01T00:00:00Z"));
    check(Instant.parse("9999-12-31T23:59:59.999Z"));
    check(Instant.parse("2000-02-29T00:00:00.001Z"));
    check(Instant.EPOCH);
  }

  private void check(Instant t) {
    int n = Timestamps.canonical(t, out);
    String s = new String(out, 0, n);
    assertEquals(DateTimeFormatter.ISO_INSTANT.format(t), s);
    // what the writer relies on: the timestamp pattern and the date-time format accept every such value
    assertTrue(TimestampPattern.matches(s), s);
    assertNotNull(Formats.dateTime(s), s);
  }

  @Test
  void outsideTheYearsOrFinerThanMillisecondsIsLeftToTheChecks() {
    assertEquals(-1, Timestamps.canonical(Instant.parse("-0001-12-31T23:59:59.999Z"), out));
    assertEquals(-1, Timestamps.canonical(Instant.parse("+10000-01-01T00:00:00Z"), out));
    assertEquals(-1, Timestamps.canonical(Instant.parse("2025-01-27T10:00:00.000001Z"), out));
  }

  @Test
  void uuidCharsAreUuidToString() {
    Random r = new Random(5);
    for (int i = 0; i < 10_000; i++) {
      UUID u = new UUID(r.nextLong(), r.nextLong());
      assertEquals(u.toString(), new String(out, 0, Formats.uuidChars(u, out)));
      assertTrue(Formats.isUuid(u.toString()));
    }
  }

  @Test
  void dollarMeansTheEndOfInput() {
    assertEquals("^a\\z", Patterns.ecmaDollar("^a$"));
    assertEquals("[$]\\$\\Q$\\E\\z", Patterns.ecmaDollar("[$]\\$\\Q$\\E$"));
    assertTrue(!Patterns.regex("^a$").test("a\n") && !Patterns.regex("^a$").test("a\u2028"));
  }
}
