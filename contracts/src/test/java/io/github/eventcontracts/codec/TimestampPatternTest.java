package io.github.eventcontracts.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.Generated;
import io.github.eventcontracts.RepoFiles;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TimestampPattern} gives java.util.regex's verdict (as networknt applies the pattern) on every string
 * tried: the agreement test's generated timestamps, random edits of valid ones, and the edges of each field.
 */
class TimestampPatternTest {
  private static final CompiledSchema.StringCheck REGEX = Patterns.regex(TimestampPattern.PATTERN);

  @Test
  void everySchemaCarriesThePatternTheReaderMatchesWithoutARegexEngine() {
    for (EventContract e : ContractModel.load(RepoFiles.schemas()).events()) {
      assertEquals(TimestampPattern.PATTERN, e.jsonSource().root().at("/properties/timestamp/pattern").asText(),
          e.jsonSource().file() + ": the timestamp pattern changed, so it is matched by java.util.regex (about 0.5 us "
              + "per payload); update TimestampPattern.PATTERN and its matcher to the new pattern");
    }
  }

  @Test
  void givesTheRegexVerdictOnGeneratedTimestamps() {
    Random r = new Random(11);
    int matched = 0;
    for (int i = 0; i < 300_000; i++) {
      matched += same(Generated.timestamp(r)) ? 1 : 0;
    }
    assertTrue(matched > 30_000, matched + " matched");
  }

  private static final String EDITS = "0123456789-:.TtZz+ \n\r\t\u2028\u0085\u00a0\u0661x";

  @Test
  void givesTheRegexVerdictOnEditsOfValidTimestamps() {
    Random r = new Random(12);
    List<String> valid = new ArrayList<>(List.of("0000-01-01T00:00:00Z", "0000-01-01T00:00:00+00:00",
        "0000-01-01T00:00:00-18:00", "9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59-00:00",
        "9999-12-31T23:59:59+18:00", "2000-02-29T12:00:00.5+05:30", "2024-02-29t00:00:00.12z", "1900-02-28T23:59:59Z"));
    for (int i = 0; i < 2_000; i++) {
      valid.add(Instant.ofEpochMilli(r.nextLong(-62_167_219_200_000L, 253_402_300_800_000L)).toString());
    }
    int matched = 0;
    for (int i = 0; i < 300_000; i++) {
      StringBuilder b = new StringBuilder(valid.get(r.nextInt(valid.size())));
      int edits = r.nextInt(3);
      for (int e = 0; e < edits && b.length() > 0; e++) {
        int at = r.nextInt(b.length());
        char c = EDITS.charAt(r.nextInt(EDITS.length()));
        switch (r.nextInt(3)) {
          case 0 -> b.setCharAt(at, c);
          case 1 -> b.insert(r.nextInt(b.length() + 1), c);
          default -> b.deleteCharAt(at);
        }
      }
      matched += same(b.toString()) ? 1 : 0;
    }
    assertTrue(matched > 30_000, matched + " matched");
  }

  @Test
  void givesTheRegexVerdictOnEveryDayOfFourCenturiesAndEveryOffset() {
    for (int year : new int[] {0, 1, 4, 100, 400, 1900, 2000, 2023, 2024, 9996, 9999}) {
      for (int month = 0; month <= 13; month++) {
        for (int day = 0; day <= 32; day++) {
          same(String.format("%04d-%02d-%02dT10:00:00Z", year, month, day));
        }
      }
    }
    for (String date : new String[] {"0000-01-01", "0000-01-02", "9999-12-31", "9999-12-30", "2025-06-15"}) {
      for (char sign : new char[] {'+', '-'}) {
        for (int h = 0; h <= 25; h++) {
          for (int m : new int[] {0, 1, 30, 59, 60, 99}) {
            same(String.format("%sT00:00:00%c%02d:%02d", date, sign, h, m));
          }
        }
      }
    }
  }

  private static boolean same(String s) {
    boolean expected = REGEX.test(s);
    assertEquals(expected, TimestampPattern.matches(s), () -> "'" + s.replace("\n", "\\n") + "'");
    return expected;
  }
}
