package io.github.eventcontracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the committed generated-sources/ with what avro-maven-plugin generates from schemas/avro now.
 * Runs in every build's verify phase (also with -DskipTests) and in GeneratedSourcesUpToDateTest.
 */
public final class GeneratedSourcesCheck {
  static final String REFRESH = "run: mvn -q -pl contracts -Pcodegen generate-sources   (then commit generated-sources/)";

  private GeneratedSourcesCheck() {}

  /** {@code GeneratedSourcesCheck FRESH_DIR COMMITTED_DIR}: fails the build when they differ. */
  public static void main(String[] args) throws IOException {
    List<String> problems = problems(Path.of(args[0]), Path.of(args[1]));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("generated-sources/ does not match schemas/avro:\n  "
          + String.join("\n  ", problems) + "\n" + REFRESH);
    }
  }

  /** Every file missing, stale or orphaned in {@code committed}; empty when it is up to date. */
  static List<String> problems(Path fresh, Path committed) throws IOException {
    if (!Files.isDirectory(fresh)) {
      return List.of("no freshly generated sources at " + fresh + "; run the build with mvn");
    }
    Set<String> freshFiles = relative(fresh);
    Set<String> committedFiles = relative(committed);
    List<String> problems = new ArrayList<>();
    for (String f : freshFiles) {
      if (!committedFiles.contains(f)) {
        problems.add("missing: generated-sources/" + f);
      } else if (!Files.readString(fresh.resolve(f)).replace("\r\n", "\n")
          .equals(Files.readString(committed.resolve(f)).replace("\r\n", "\n"))) {
        problems.add("stale:   generated-sources/" + f);
      }
    }
    for (String f : committedFiles) {
      if (!freshFiles.contains(f)) {
        problems.add("orphan:  generated-sources/" + f + " (no schema generates it any more)");
      }
    }
    return problems;
  }

  private static Set<String> relative(Path dir) {
    Set<String> out = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      for (Path p : RepoFiles.files(dir, ".java")) {
        out.add(dir.relativize(p).toString().replace('\\', '/'));
      }
    }
    return out;
  }
}
