package io.github.eventcontracts.tooling.gate;

/** The baseline could not be read. The gate fails closed on it: exit 1, never a pass. */
public class BaselineException extends RuntimeException {
  public BaselineException(String message) {
    super(message);
  }

  public BaselineException(String message, Throwable cause) {
    super(message, cause);
  }
}
