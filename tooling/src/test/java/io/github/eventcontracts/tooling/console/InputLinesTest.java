package io.github.eventcontracts.tooling.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputLinesTest {
  private static List<InputLines.Line> all(InputStream in, int max) {
    InputLines lines = new InputLines(in, max);
    List<InputLines.Line> out = new ArrayList<>();
    for (InputLines.Line l = lines.next(); l != null; l = lines.next()) {
      out.add(l);
    }
    return out;
  }

  private static List<InputLines.Line> all(String text, int max) {
    return all(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  @Test
  void splitsOnLfAndCrlfNumbersFromOneAndKeepsTheLastLineWithoutNewline() {
    List<InputLines.Line> lines = all("a\r\n\nb é\nlast", 100);
    assertEquals(List.of("a", "", "b é", "last"), lines.stream().map(InputLines.Line::text).toList());
    assertEquals(List.of(1, 2, 3, 4), lines.stream().map(InputLines.Line::number).toList());
  }

  @Test
  void emptyInputHasNoLinesAndATrailingNewlineAddsNone() {
    assertTrue(all("", 10).isEmpty());
    assertEquals(1, all("x\n", 10).size());
  }

  @Test
  void aLineLongerThanTheLimitIsSkippedToItsEndWithoutHoldingIt() {
    List<InputLines.Line> lines = all("x".repeat(50) + "\nok\n", 10);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).tooLong());
    assertNull(lines.get(0).text());
    assertEquals("ok", lines.get(1).text());
    assertEquals(2, lines.get(1).number());
    assertEquals("0123456789", all("0123456789", 10).get(0).text(), "exactly the limit is fine");
  }

  @Test
  void aStreamOf64MegabytesWithoutNewlinesIsOneTooLongLineNeverHeldInMemory() {
    long size = 64L << 20;
    InputStream endless = new InputStream() {
      long left = size;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
        left -= n;
        return n;
      }
    };
    List<InputLines.Line> lines = all(endless, ConsoleProducer.MAX_LINE_BYTES);
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).tooLong());
  }

  @Test
  void bytesThatAreNotUtf8MakeTheLineMalformed() {
    byte[] bad = {'{', (byte) 0xC3, (byte) 0x28, '}', '\n', 'o', 'k'};
    List<InputLines.Line> lines = all(new ByteArrayInputStream(bad), 100);
    assertTrue(lines.get(0).malformed());
    assertFalse(lines.get(1).malformed());
    assertEquals("ok", lines.get(1).text());
  }

  @Test
  void rangesAndOneLineMessages() {
    assertEquals("1-3, 5, 7-8", Text.ranges(List.of(1, 2, 3, 5, 7, 8)));
    assertEquals("", Text.ranges(List.of()));
    assertEquals("4", Text.ranges(List.of(4)));
    assertEquals("invalid: a; b", Text.oneLine("invalid:\n  a\n  b\n"));
  }
}
