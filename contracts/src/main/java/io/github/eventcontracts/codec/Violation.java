package io.github.eventcontracts.codec;

/**
 * One reason a payload was rejected.
 *
 * @param path   where in the payload, as a JSON path ({@code $.data.skill_id})
 * @param reason what is wrong there
 */
public record Violation(String path, String reason) {
  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
