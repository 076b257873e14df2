package io.github.eventcontracts.registry;

/**
 * A registry request failed. The message says what the status means for the user, quotes the
 * registry's own message and says what to do; it never contains credentials.
 */
public class RegistryException extends RuntimeException {
  private final int status;
  private final int errorCode;

  public RegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status, or 0 when no response was received. */
  public int status() {
    return status;
  }

  /** The registry's {@code error_code}, or 0 when it sent none. */
  public int errorCode() {
    return errorCode;
  }
}
