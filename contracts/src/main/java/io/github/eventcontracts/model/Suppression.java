package io.github.eventcontracts.model;

/**
 * A lint finding accepted on purpose, written in the catalog with its reason.
 *
 * @param rule   the rule id it silences
 * @param file   the schema file it applies to, relative to the repository root
 * @param path   the field path it applies to ({@code data.category}); empty for the whole file
 * @param reason why it is accepted; never empty
 */
public record Suppression(String rule, String file, String path, String reason) {

  public boolean matches(Finding f) {
    return f.ruleId().equals(rule) && f.file().equals(file) && (path.isEmpty() || path.equals(f.path()));
  }
}
