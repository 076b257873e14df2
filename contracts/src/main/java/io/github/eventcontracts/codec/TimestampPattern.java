package io.github.eventcontracts.codec;

/**
 * The timestamp {@code pattern} every event's schema carries (README, "The timestamp contract"), matched
 * without a regular expression engine: {@link java.util.regex} takes about half a microsecond per timestamp,
 * more than the rest of reading the event. Used only for a pattern equal to {@link #PATTERN} character for
 * character; any other pattern, this one edited included, goes through {@link Patterns#compile} as before.
 * {@code TimestampPatternTest} holds it to {@link java.util.regex} (as networknt applies it) on every timestamp
 * the agreement test generates and on random edits of valid ones.
 *
 * <p>How the pattern reads: {@code (?!.*\s)} can only fail where the rest fails too (the rest matches no
 * whitespace and, with {@code $} as the end of input, matches the whole string); the two other lookaheads
 * refuse, on 0000-01-01 and 9999-12-31, a positive (respectively negative) offset other than 00:00. The
 * rest is a calendar date (February 29 in Gregorian leap years only), {@code T} or {@code t}, hh:mm:ss with
 * hours to 23 and seconds to 59, 1 to 3 fraction digits after a dot if any, and {@code Z}, {@code z} or an
 * offset within 18:00.
 */
final class TimestampPattern {
  private TimestampPattern() {}

  static final String PATTERN = "^(?!.*\\s)(?!0000-01-01[Tt].*\\+(?!00:00))(?!9999-12-31[Tt].*-(?!00:00))"
      + "(?:[0-9]{4}-(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|[0-9]{4}-(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
      + "|[0-9]{4}-02-(?:0[1-9]|1[0-9]|2[0-8])|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]"
      + "|[13579][26])00)-02-29)[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,3})?(?:[Zz]|[+-]"
      + "(?:(?:0[0-9]|1[0-7]):[0-5][0-9]|18:00))$";

  static boolean matches(String s) {
    int n = s.length();
    if (n < 20) {
      return false;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    int days = switch (month) {
      case 4, 6, 9, 11 -> 30;
      case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
      default -> 31;
    };
    char t = s.charAt(10);
    if (day > days || t != 'T' && t != 't') {
      return false;
    }
    int hour = digits(s, 11, 2);
    char m0 = s.charAt(14);
    char s0 = s.charAt(17);
    if (hour < 0 || hour > 23 || s.charAt(13) != ':' || s.charAt(16) != ':' || m0 < '0' || m0 > '5'
        || !digit(s.charAt(15)) || s0 < '0' || s0 > '5' || !digit(s.charAt(18))) {
      return false;
    }
    int i = 19;
    if (s.charAt(i) == '.') {
      int from = ++i;
      while (i < n && i - from < 3 && digit(s.charAt(i))) {
        i++;
      }
      if (i == from || i >= n) {
        return false;
      }
    }
    char sign = s.charAt(i);
    if (sign == 'Z' || sign == 'z') {
      return i + 1 == n;
    }
    if (sign != '+' && sign != '-' || n != i + 6 || s.charAt(i + 3) != ':') {
      return false;
    }
    int oh = digits(s, i + 1, 2);
    int om = digits(s, i + 4, 2);
    boolean offsetOk = oh >= 0 && om >= 0 && (oh <= 17 && om <= 59 || oh == 18 && om == 0);
    if (!offsetOk) {
      return false;
    }
    boolean zero = oh == 0 && om == 0;
    if (!zero && sign == '+' && year == 0 && month == 1 && day == 1) {
      return false;
    }
    return zero || sign != '-' || year != 9999 || month != 12 || day != 31;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
