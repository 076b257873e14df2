package io.github.eventcontracts.codec;

import java.time.Instant;

/** How timestamps are written: the canonical UTC form, without a formatter. */
final class Timestamps {
  private Timestamps() {}

  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z, in epoch seconds. */
  static final long MIN_SECOND = -62_167_219_200L;
  static final long MAX_SECOND = 253_402_300_799L;

  /**
   * Writes {@code t} into {@code out} exactly as {@link java.time.format.DateTimeFormatter#ISO_INSTANT} does
   * ({@code 2025-01-27T10:00:00Z}, {@code 2025-01-27T10:00:00.120Z}) and returns the length, when {@code t}
   * has whole milliseconds and lies in the years 0000 to 9999; returns -1 otherwise.
   */
  static int canonical(Instant t, char[] out) {
    long seconds = t.getEpochSecond();
    int nanos = t.getNano();
    if (seconds < MIN_SECOND || seconds > MAX_SECOND || nanos % 1_000_000 != 0) {
      return -1;
    }
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    // civil_from_days (H. Hinnant): the proleptic Gregorian date of a day count from 1970-01-01
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    int doe = (int) (z - era * 146_097);
    int yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int day = doy - (153 * mp + 2) / 5 + 1;
    int month = mp < 10 ? mp + 3 : mp - 9;
    int year = (int) (yoe + era * 400) + (month <= 2 ? 1 : 0);
    digits(year, 4, out, 0);
    out[4] = '-';
    digits(month, 2, out, 5);
    out[7] = '-';
    digits(day, 2, out, 8);
    out[10] = 'T';
    digits(secondOfDay / 3600, 2, out, 11);
    out[13] = ':';
    digits(secondOfDay / 60 % 60, 2, out, 14);
    out[16] = ':';
    digits(secondOfDay % 60, 2, out, 17);
    int n = 19;
    if (nanos != 0) {
      out[n++] = '.';
      digits(nanos / 1_000_000, 3, out, n);
      n += 3;
    }
    out[n++] = 'Z';
    return n;
  }

  private static void digits(int v, int count, char[] out, int at) {
    for (int i = at + count - 1; i >= at; i--) {
      out[i] = (char) ('0' + v % 10);
      v /= 10;
    }
  }
}
