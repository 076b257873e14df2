package io.github.eventcontracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed generated-sources/ folder is exactly what avro-maven-plugin produces from schemas/avro
 * (the build regenerates into target/ and this test compares). Fails the build when it is stale.
 */
class GeneratedSourcesUpToDateTest {
  static final String REFRESH = "run: mvn -q -pl contracts -Pcodegen generate-sources   (then commit generated-sources/)";

  @Test
  void committedGeneratedSourcesAreFresh() throws Exception {
    Path fresh = Path.of(System.getProperty("contracts.regenerated.dir", "target/generated-for-drift-check"));
    Path committed = RepoFiles.root().resolve("generated-sources");
    assertTrue(Files.isDirectory(fresh), "no freshly generated sources at " + fresh + "; run the build with mvn");
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
    assertEquals(List.of(), problems, "generated-sources/ does not match schemas/avro; " + REFRESH);
  }

  private static Set<String> relative(Path dir) throws Exception {
    Set<String> out = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      for (Path p : RepoFiles.files(dir, ".java")) {
        out.add(dir.relativize(p).toString().replace('\\', '/'));
      }
    }
    return out;
  }
}
