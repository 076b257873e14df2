package io.github.eventcontracts.tooling.compat;

/** Which of the two schemas in a comparison is the proposed (new) one. */
public enum Side {
  /** The new schema writes the data (a FORWARD check: old consumers read new data). */
  WRITER,
  /** The new schema reads the data (a BACKWARD check: new consumers read old data). */
  READER
}
