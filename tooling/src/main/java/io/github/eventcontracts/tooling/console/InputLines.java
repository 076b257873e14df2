package io.github.eventcontracts.tooling.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 text one line at a time (LF or CRLF) without ever holding more than {@code maxLineBytes} of
 * one line: a longer line is skipped to its end and returned as {@link Line#tooLong()}, so a file without
 * newlines cannot exhaust memory. Bytes that are not UTF-8 make the line {@link Line#malformed()}.
 */
public final class InputLines {
  /** One line of input, numbered from 1; {@code text} is null when the line is too long or not UTF-8. */
  public record Line(int number, String text, boolean tooLong, boolean malformed) {}

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[8192];
  private int pos;
  private int limit;
  private int number;
  private boolean eof;

  public InputLines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end of the input. */
  public Line next() {
    byte[] line = new byte[Math.min(256, maxLineBytes)];
    int length = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == limit && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      any = true;
      byte b = buf[pos++];
      if (b == '\n') {
        break;
      }
      if (tooLong) {
        continue;
      }
      if (length == maxLineBytes) {
        tooLong = true;
        continue;
      }
      if (length == line.length) {
        line = Arrays.copyOf(line, (int) Math.min((long) line.length * 2, maxLineBytes));
      }
      line[length++] = b;
    }
    number++;
    if (tooLong) {
      return new Line(number, null, true, false);
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, length)).toString();
      return new Line(number, text, false, false);
    } catch (CharacterCodingException e) {
      return new Line(number, null, false, true);
    }
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    try {
      int n = in.read(buf);
      if (n <= 0) {
        eof = n < 0;
        return !eof && fill();
      }
      pos = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the input: " + e.getMessage(), e);
    }
  }
}
