package io.github.eventcontracts.tooling.console;

import java.util.ArrayList;
import java.util.List;

/** Small text helpers for the console tools' one-line messages. */
public final class Text {
  private Text() {}

  /** A message on one line: line breaks (and the indentation after them) become "; ". */
  public static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
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
