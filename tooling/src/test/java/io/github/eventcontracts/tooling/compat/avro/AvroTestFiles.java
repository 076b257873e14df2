package io.github.eventcontracts.tooling.compat.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.Side;
import java.util.List;

/** Helpers for the engine's tests: run both directions and check where a finding points. */
final class AvroTestFiles {
  static final String OLD = "schemas/avro/old.avsc";
  static final String NEW = "schemas/avro/new.avsc";

  private AvroTestFiles() {}

  static SourceDocument doc(String file, String text) {
    return SourceDocument.parse(file, text);
  }

  /** A consumer using {@code current} reads data written with {@code previous}. */
  static List<Finding> backward(String previous, String current) {
    return new AvroEngine().incompatibilities(doc(OLD, previous), doc(NEW, current), Side.READER);
  }

  /** A consumer using {@code previous} reads data written with {@code current}. */
  static List<Finding> forward(String previous, String current) {
    return new AvroEngine().incompatibilities(doc(NEW, current), doc(OLD, previous), Side.WRITER);
  }

  /** The only finding, failing with all of them listed when there is not exactly one. */
  static Finding single(List<Finding> findings) {
    assertEquals(1, findings.size(), () -> "expected one finding, got: " + findings);
    return findings.get(0);
  }

  /**
   * Asserts that {@code f} has the rule, is in {@code file} at the first occurrence of {@code marker} in
   * {@code text} (the marker must start where the node starts: a key's quote, a value's quote, a brace),
   * and has the path.
   */
  static void assertAt(Finding f, String rule, String file, String text, String marker, String path) {
    int offset = text.indexOf(marker);
    assertTrue(offset >= 0, () -> "marker not in text: " + marker);
    assertEquals(offset, text.lastIndexOf(marker), () -> "marker not unique: " + marker);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String expected = rule + " " + file + ":" + line + ":" + (offset - lineStart + 1) + " at " + path;
    String actual = f.ruleId() + " " + f.file() + ":" + f.line() + ":" + f.column() + " at " + f.path();
    assertEquals(expected, actual, f::toString);
  }
}
