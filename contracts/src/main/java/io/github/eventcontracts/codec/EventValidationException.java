package io.github.eventcontracts.codec;

import java.util.List;
import java.util.stream.Collectors;

/** A payload does not satisfy its event's contract. Every violation found is listed; nothing was read. */
public class EventValidationException extends RuntimeException {
  private final String eventType;
  private final List<Violation> violations;

  public EventValidationException(String eventType, List<Violation> violations) {
    super("invalid " + (eventType == null ? "event" : eventType) + " payload, " + violations.size()
        + (violations.size() == 1 ? " violation" : " violations") + ":\n  "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
    this.eventType = eventType;
    this.violations = List.copyOf(violations);
  }

  /** The event the payload was read as, or null when it could not be told. */
  public String eventType() {
    return eventType;
  }

  public List<Violation> violations() {
    return violations;
  }
}
