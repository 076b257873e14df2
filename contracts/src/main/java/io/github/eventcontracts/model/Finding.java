package io.github.eventcontracts.model;

import java.util.Objects;

/**
 * One problem found in the contracts: a rule id, where it is (file, line, column, field path), what is
 * wrong and what to do about it. The same type serves load errors, lint and compatibility findings.
 *
 * @param ruleId  stable UPPER_SNAKE identifier of the rule
 * @param file    the file, relative to the repository root (e.g. {@code schemas/avro/skill.created.avsc})
 * @param line    1-based line of the offending node, or 0 when unknown
 * @param column  1-based column of the offending node, or 0 when unknown
 * @param path    the path by field names ({@code data.category}), or an empty string for the whole file
 * @param message what is wrong, in a sentence a reviewer understands
 * @param hint    what to do next; may be empty
 */
public record Finding(String ruleId, String file, int line, int column, String path, String message, String hint) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(file, "file");
    path = path == null ? "" : path;
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  /** A finding located at a node of a parsed document. */
  public static Finding at(String ruleId, SourceDocument doc, String pointer, String path, String message, String hint) {
    Position p = doc.position(pointer);
    return new Finding(ruleId, doc.file(), p.line(), p.column(), path, message, hint);
  }

  /** {@code file:line:col: RULE_ID message (at path). hint} */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(file).append(':').append(line).append(':').append(column).append(": ")
        .append(ruleId).append(' ').append(message);
    if (!path.isEmpty()) {
      b.append(" (at ").append(path).append(')');
    }
    if (!hint.isEmpty()) {
      b.append(". Fix: ").append(hint);
    }
    return b.toString();
  }
}
