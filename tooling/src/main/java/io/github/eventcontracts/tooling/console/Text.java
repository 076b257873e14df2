package io.github.eventcontracts.tooling.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Small text helpers for the console tools' one-line messages. */
public final class Text {
  private Text() {}

  private static final Pattern BREAK = Pattern.compile("(:?)\\s*\\R\\s*");

  /** A message on one line: line breaks (and the indentation after them) become "; " (": " after a colon). */
  public static String oneLine(String message) {
    return message == null ? "" : BREAK.matcher(message.strip()).replaceAll(m -> m.group(1).isEmpty() ? "; " : ": ");
  }

  /** Line numbers as ranges, e.g. {@code 1-3, 5, 7-8}. */
  public static String ranges(List<Integer> numbers) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < numbers.size(); ) {
      int j = i;
      while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
        j++;
      }
      out.add(i == j ? String.valueOf(numbers.get(i)) : numbers.get(i) + "-" + numbers.get(j));
      i = j + 1;
    }
    return String.join(", ", out);
  }
}
