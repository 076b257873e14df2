package io.github.eventcontracts.codec;

import com.ethlo.time.ITU;
import com.ethlo.time.LeapSecondException;
import java.util.UUID;

/**
 * The two {@code format}s the schemas assert, judged as networknt judges them (with format assertions on):
 * {@code uuid} is 8-4-4-4-12 hexadecimal digits, either case, nothing else (networknt's
 * {@code ^\p{XDigit}{8}-...$} matched whole); {@code date-time} is what ethlo's RFC 3339 parser
 * ({@code ITU.parseDateTime}, the one networknt calls) reads, a leap second only where it is a known one.
 */
final class Formats {
  private Formats() {}

  enum Format { UUID, DATE_TIME }

  static final String UUID_MESSAGE = "does not match the uuid pattern must be a valid RFC 4122 UUID";
  static final String DATE_TIME_MESSAGE = "does not match the date-time pattern must be a valid RFC 3339 date-time";

  /** A valid leap second: a date-time, but none {@link java.time.OffsetDateTime} can hold. */
  static final Object LEAP_SECOND = new Object();

  static boolean isUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The date-time {@code s} stands for: an {@link java.time.OffsetDateTime}, {@link #LEAP_SECOND}, or null
   * when it is none.
   */
  static Object dateTime(String s) {
    try {
      return ITU.parseDateTime(s);
    } catch (LeapSecondException e) {
      return e.isVerifiedValidLeapYearMonth() ? LEAP_SECOND : null;
    } catch (RuntimeException e) {
      return null; // as networknt: whatever the parser throws, the value is no date-time
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Writes {@code u} as {@link UUID#toString()} does into {@code out}; returns 36. */
  static int uuidChars(UUID u, char[] out) {
    long hi = u.getMostSignificantBits();
    long lo = u.getLeastSignificantBits();
    hex(hi >>> 32, 8, out, 0);
    out[8] = '-';
    hex(hi >>> 16, 4, out, 9);
    out[13] = '-';
    hex(hi, 4, out, 14);
    out[18] = '-';
    hex(lo >>> 48, 4, out, 19);
    out[23] = '-';
    hex(lo, 12, out, 24);
    return 36;
  }

  private static void hex(long v, int digits, char[] out, int at) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = HEX[(int) (v & 0xF)];
      v >>>= 4;
    }
  }
}
