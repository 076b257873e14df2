package io.github.eventcontracts.codec;

import java.util.regex.Pattern;

/**
 * A JSON Schema {@code pattern} as networknt applies it: {@link java.util.regex.Matcher#find()} (the pattern is
 * not anchored unless it says so), with {@code $} meaning the end of the input as in ECMA-262 (Java's {@code $}
 * also matches before a final line terminator).
 */
final class Patterns {
  private Patterns() {}

  /**
   * Compiles {@code regex}; throws {@link java.util.regex.PatternSyntaxException} when Java cannot read it. The
   * timestamp pattern of the schemas is matched by {@link TimestampPattern}, without a regex engine.
   */
  static CompiledSchema.StringCheck compile(String regex) {
    if (regex.equals(TimestampPattern.PATTERN)) {
      return TimestampPattern::matches;
    }
    return regex(regex);
  }

  /** {@code regex} through {@link java.util.regex}, always. */
  static CompiledSchema.StringCheck regex(String regex) {
    Pattern p = Pattern.compile(ecmaDollar(regex));
    return s -> p.matcher(s).find();
  }

  /**
   * Whether {@code regex} is known to match every timestamp {@link Timestamps#canonical} writes (in the years
   * 0000-9999, whole milliseconds, UTC): true of the timestamp pattern, unknown of any other, which the writer
   * then checks on every timestamp it writes.
   */
  static boolean matchesEveryCanonicalTimestamp(String regex) {
    return regex.equals(TimestampPattern.PATTERN);
  }

  /** {@code regex} with every {@code $} anchor (outside character classes and quotes) as {@code \z}. */
  static String ecmaDollar(String regex) {
    StringBuilder b = new StringBuilder(regex.length() + 4);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char next = regex.charAt(i + 1);
        if (next == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          int stop = end < 0 ? regex.length() : end + 2;
          b.append(regex, i, stop);
          i = stop - 1;
        } else {
          b.append(c).append(next);
          i++;
        }
      } else if (inClass) {
        inClass = c != ']';
        b.append(c);
      } else if (c == '[') {
        inClass = true;
        b.append(c);
      } else if (c == '$') {
        b.append("\\z");
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
