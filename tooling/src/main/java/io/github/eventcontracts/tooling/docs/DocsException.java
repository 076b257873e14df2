package io.github.eventcontracts.tooling.docs;

/** The documentation cannot be made from the contracts as they are; the message names the file and the fix. */
public final class DocsException extends RuntimeException {
  public DocsException(String message) {
    super(message);
  }
}
