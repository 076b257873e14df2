package io.github.eventcontracts.codec;

/** Text that is no Unicode: lone UTF-16 surrogates, and bytes that are no UTF-8. */
final class Strings {
  private Strings() {}

  /** The index of an unpaired UTF-16 surrogate in {@code s} (from a \\ud800 escape or an encoded surrogate), or -1. */
  static int loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < Character.MIN_SURROGATE || ch > Character.MAX_SURROGATE) {
        continue;
      }
      if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      return i;
    }
    return -1;
  }

  static String loneSurrogateMessage(String s, int at) {
    return "holds a lone UTF-16 surrogate (\\u" + Integer.toHexString(s.charAt(at)) + " at character " + at
        + "), which is no Unicode text and cannot be sent on as UTF-8";
  }

  /** The offset of the first byte that starts no well-formed UTF-8 sequence (RFC 3629 table 3-7), or -1. */
  static int invalidUtf8(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i];
      if (c >= 0) {
        i++;
        continue;
      }
      c &= 0xff;
      int len;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
      } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
      } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
      } else {
        return i;
      }
      if (i + len > n) {
        return i;
      }
      int c1 = b[i + 1] & 0xff;
      if (c1 < lo || c1 > hi) {
        return i;
      }
      for (int k = 2; k < len; k++) {
        int ck = b[i + k] & 0xff;
        if (ck < 0x80 || ck > 0xBF) {
          return i;
        }
      }
      i += len;
    }
    return -1;
  }
}
