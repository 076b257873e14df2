package io.github.eventcontracts.tooling.compat;

import io.github.eventcontracts.model.CompatibilityLevel;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes compatibility levels from the engines' one-way rules, as Confluent Schema Registry defines
 * them: BACKWARD = the new schema reads data of the old; FORWARD = the old schema reads data of the new;
 * FULL = both; the transitive levels check every earlier version, the others only the latest.
 */
public final class CompatibilityCheck {
  private final Map<SchemaFormat, CompatibilityEngine> engines = new EnumMap<>(SchemaFormat.class);

  public CompatibilityCheck(List<CompatibilityEngine> engines) {
    engines.forEach(e -> this.engines.put(e.format(), e));
  }

  /** The gate's engines: Avro's, and JSON Schema's under the given policy. */
  public static CompatibilityCheck standard(io.github.eventcontracts.tooling.compat.json.JsonCompatPolicy policy) {
    return new CompatibilityCheck(List.of(new io.github.eventcontracts.tooling.compat.avro.AvroEngine(),
        new io.github.eventcontracts.tooling.compat.json.JsonSchemaEngine(policy)));
  }

  public CompatibilityEngine engine(SchemaFormat format) {
    CompatibilityEngine e = engines.get(format);
    if (e == null) {
      throw new IllegalStateException("no compatibility engine for " + format);
    }
    return e;
  }

  /**
   * Every finding that makes {@code current} break {@code level} against {@code previous}.
   *
   * @param previous earlier versions, oldest first; empty for a new subject (always compatible)
   */
  public List<Finding> check(SchemaFormat format, CompatibilityLevel level, List<SchemaVersion> previous,
      SourceDocument current) {
    return merge(judge(format, level, previous, current), current.file());
  }

  /**
   * A finding against one earlier version, before {@link #merge} reports each root cause once.
   *
   * @param version the index in {@code previous} of the version it was found against (0 = oldest)
   */
  public record Judged(Finding finding, int version) {}

  /** Every finding against every version the level compares with, newest version first, unmerged. */
  public List<Judged> judge(SchemaFormat format, CompatibilityLevel level, List<SchemaVersion> previous,
      SourceDocument current) {
    if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
      return List.of();
    }
    CompatibilityEngine engine = engine(format);
    int first = level.transitive() ? 0 : previous.size() - 1;
    List<Judged> out = new ArrayList<>();
    for (int i = previous.size() - 1; i >= first; i--) {
      SchemaVersion old = previous.get(i);
      List<Finding> found = new ArrayList<>();
      if (level.backward()) {
        label(found, "BACKWARD", old, engine.incompatibilities(old.document(), current, Side.READER));
      }
      if (level.forward()) {
        label(found, "FORWARD", old, engine.incompatibilities(current, old.document(), Side.WRITER));
      }
      for (Finding f : found) {
        out.add(new Judged(f, i));
      }
    }
    return out;
  }

  /**
   * One finding per root cause: the same problem found against several versions (a removal is located in
   * each old version's file), or at one node reached by several paths (a shared $defs entry), is reported
   * once, against the newest version, saying how many others it also breaks.
   */
  public static List<Finding> merge(List<Judged> judged, String currentFile) {
    Map<String, Finding> unique = new LinkedHashMap<>();
    Map<String, Integer> repeats = new LinkedHashMap<>();
    for (Judged j : judged) {
      Finding f = j.finding();
      boolean inOldVersion = !f.file().equals(currentFile);
      String key = f.ruleId() + '\0' + f.message().substring(0, f.message().indexOf(' ')) + '\0'
          + (inOldVersion ? "old\0" + f.path() : f.file() + '\0' + f.line() + '\0' + f.column());
      if (unique.putIfAbsent(key, f) != null) {
        repeats.merge(key, 1, Integer::sum);
      }
    }
    List<Finding> out = new ArrayList<>();
    unique.forEach((key, f) -> {
      Integer more = repeats.get(key);
      out.add(more == null ? f : new Finding(f.ruleId(), f.file(), f.line(), f.column(), f.path(),
          f.message() + " (and the same against " + more + " more " + (more == 1 ? "version" : "versions") + ")",
          f.hint()));
    });
    return out;
  }

  private static void label(List<Finding> out, String direction, SchemaVersion old, List<Finding> findings) {
    for (Finding f : findings) {
      out.add(new Finding(f.ruleId(), f.file(), f.line(), f.column(), f.path(),
          direction + " against " + old.label() + ": " + f.message(), f.hint()));
    }
  }
}
