package io.github.eventcontracts.tooling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.tooling.TestRepo;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code contracts --version} names the version the build gave the artifact, not a number typed into the code. */
class MainVersionTest {
  @Test
  void versionIsTheProjectsVersion() throws Exception {
    String pom = Files.readString(TestRepo.repoRoot().resolve("pom.xml"));
    // the project's own version: the first <version> after </parent> or, without a parent, after <artifactId>
    Matcher m = Pattern.compile("<artifactId>event-contracts-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(pom);
    assertTrue(m.find(), "the root pom names its version after its artifactId");
    TestRepo.Run run = TestRepo.run("--version");
    assertEquals(0, run.exit(), run.err());
    assertEquals("event-contracts " + m.group(1), run.out().strip());
  }
}
