package io.github.eventcontracts.model;

/**
 * Compatibility levels with the meaning they have in Confluent Schema Registry. BACKWARD: a reader using
 * the new schema reads data written with the old one. FORWARD: a reader using the old schema reads data
 * written with the new one. FULL: both. The transitive levels check against every earlier version, the
 * others against the latest only.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** New readers must read old data. */
  public boolean backward() {
    return backward;
  }

  /** Old readers must read new data. */
  public boolean forward() {
    return forward;
  }

  /** Checked against every earlier version, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /** The level that promises everything this one and {@code other} promise. */
  public CompatibilityLevel strictest(CompatibilityLevel other) {
    return of(backward || other.backward, forward || other.forward, transitive || other.transitive);
  }

  /** Whether this level drops a promise {@code other} makes (a direction, or transitivity). */
  public boolean weakerThan(CompatibilityLevel other) {
    return (other.backward && !backward) || (other.forward && !forward) || (other.transitive && !transitive);
  }

  private static CompatibilityLevel of(boolean backward, boolean forward, boolean transitive) {
    if (!backward && !forward) {
      return NONE;
    }
    for (CompatibilityLevel l : values()) {
      if (l.backward == backward && l.forward == forward && l.transitive == transitive) {
        return l;
      }
    }
    throw new IllegalStateException("no level for " + backward + "/" + forward + "/" + transitive);
  }
}
