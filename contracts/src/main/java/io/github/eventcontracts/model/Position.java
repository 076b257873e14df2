package io.github.eventcontracts.model;

/** A 1-based line and column in a source file; {@code 0:0} when unknown. */
public record Position(int line, int column) {
  public static final Position UNKNOWN = new Position(0, 0);
}
