package io.github.eventcontracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed generated-sources/ folder is exactly what avro-maven-plugin produces from schemas/avro
 * (the build regenerates into target/ and compares; the same check runs in the verify phase).
 */
class GeneratedSourcesUpToDateTest {
  private static final Path FRESH =
      Path.of(System.getProperty("contracts.regenerated.dir", "target/generated-for-drift-check"));

  @Test
  void committedGeneratedSourcesAreFresh() throws Exception {
    List<String> problems = GeneratedSourcesCheck.problems(FRESH, RepoFiles.root().resolve("generated-sources"));
    assertEquals(List.of(), problems, "generated-sources/ does not match schemas/avro; " + GeneratedSourcesCheck.REFRESH);
  }

  @Test
  void aStaleCopyIsCaughtAndTheMessageSaysHowToRefreshIt(@TempDir Path tmp) throws Exception {
    Path copy = tmp.resolve("generated-sources");
    for (Path p : RepoFiles.files(FRESH, ".java")) {
      Path target = copy.resolve(FRESH.relativize(p).toString());
      Files.createDirectories(target.getParent());
      Files.copy(p, target);
    }
    Path one = RepoFiles.files(copy, "SkillCreated.java").get(0);
    Files.writeString(one, Files.readString(one).replace("skill_id", "skillId"));
    Files.writeString(copy.resolve("Orphan.java"), "class Orphan {}");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> GeneratedSourcesCheck.main(new String[] {FRESH.toString(), copy.toString()}));
    assertTrue(e.getMessage().contains("stale:   generated-sources/io/github/eventcontracts/events/SkillCreated")
        && e.getMessage().contains("orphan:  generated-sources/Orphan.java")
        && e.getMessage().contains("-Pcodegen generate-sources"), e.getMessage());
  }
}
