package io.github.eventcontracts;

import java.util.Random;

/** Generated test values shared by the tests that hold the compiled reader to its reference. */
public final class Generated {
  private Generated() {}

  /**
   * An RFC 3339 date-time, or something near one, built from edge values of each of its parts; each part is
   * a valid one most of the time, so that about half the results are valid date-times.
   */
  public static String timestamp(Random r) {
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
