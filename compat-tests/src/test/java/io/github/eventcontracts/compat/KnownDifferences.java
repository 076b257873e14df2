package io.github.eventcontracts.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcontracts.model.CompatibilityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The allow-list of pairs the registry refuses although the gate accepts them
 * (compat-tests/registry-agreement/known-differences.json), grouped by cause: a JSON array of
 * {@code {"reason": "...", "rows": [{"table": "jsonschema/x.json", "description": "<row>", "levels": ["BACKWARD"]}]}}.
 */
record KnownDifferences(List<KnownDifferences.Entry> entries) {
  /** One row of a table whose listed levels the registry alone may refuse, for the reason given. */
  record Entry(String table, String description, List<CompatibilityLevel> levels, String reason) {
    boolean covers(String table, String description, CompatibilityLevel level) {
      return this.table.equals(table) && this.description.equals(description) && levels.contains(level);
    }
  }

  static KnownDifferences load(Path file) {
    List<Entry> entries = new ArrayList<>();
    try {
      for (JsonNode group : Repo.MAPPER.readTree(file.toFile())) {
        String reason = group.path("reason").asText();
        requireOnly(file, group, Set.of("reason", "rows"), !reason.isBlank() && group.path("rows").size() > 0);
        for (JsonNode row : group.get("rows")) {
          List<CompatibilityLevel> levels = new ArrayList<>();
          row.path("levels").forEach(l -> levels.add(CompatibilityLevel.valueOf(l.asText())));
          requireOnly(file, row, Set.of("table", "description", "levels"),
              !row.path("table").asText().isBlank() && !row.path("description").asText().isBlank() && !levels.isEmpty());
          entries.add(new Entry(row.get("table").asText(), row.get("description").asText(), levels, reason));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KnownDifferences(entries);
  }

  private static void requireOnly(Path file, JsonNode node, Set<String> fields, boolean complete) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!fields.contains(name)) {
        throw new IllegalArgumentException(file + ": unknown field '" + name + "' (allowed: " + fields + ")");
      }
    }
    if (!complete) {
      throw new IllegalArgumentException(file + ": needs every one of " + fields + ", not empty: " + node);
    }
  }

  /** The entry that allows the registry alone to refuse this pair, or null. */
  Entry find(String table, String description, CompatibilityLevel level) {
    return entries.stream().filter(e -> e.covers(table, description, level)).findFirst().orElse(null);
  }
}
