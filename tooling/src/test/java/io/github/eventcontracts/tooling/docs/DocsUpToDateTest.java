package io.github.eventcontracts.tooling.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.tooling.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed docs/ are what the generator makes; stale ones are refused with the file and the command. */
class DocsUpToDateTest {

  @Test
  void committedDocsAreFresh() {
    Path root = TestRepo.repoRoot();
    List<String> problems = Docs.stale(root, Docs.generate(ContractModel.load(root.resolve("schemas")), Docs.artifactVersion()));
    assertEquals(List.of(), problems, Docs.staleMessage(problems));
  }

  @Test
  void theBuildCheckRefusesStaleAndMissingDocsNamingThemAndTheCommand(@TempDir Path tmp) throws Exception {
    TestRepo repo = new TestRepo(tmp);
    Files.createDirectories(tmp.resolve(Docs.PAGE).getParent());
    Files.copy(TestRepo.repoRoot().resolve(Docs.PAGE), tmp.resolve(Docs.PAGE));
    // the real repository passes (the same check runs in the build's verify phase)
    DocsCheck.main(new String[] {TestRepo.repoRoot().toString(), TestRepo.repoRoot().resolve("schemas").toString()});
    repo.edit("catalog.yaml", "retention: 30d", "retention: 14d");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DocsCheck.main(new String[] {tmp.toString(), tmp.resolve("schemas").toString()}));
    assertTrue(e.getMessage().contains("stale:   docs/reference/kafka-topics.md") && e.getMessage().contains("missing: docs/reference/asyncapi.yaml")
        && e.getMessage().contains("run: scripts/contracts docs"), e.getMessage());
  }

  @Test
  void theCliChecksWritesAndRechecks(@TempDir Path tmp) throws Exception {
    TestRepo repo = new TestRepo(tmp);
    TestRepo.Run check = repo.contracts("docs", "--check");
    assertEquals(100, check.exit(), check.err());
    assertTrue(check.err().contains("missing: docs/reference/kafka-topics.md") && check.err().contains("scripts/contracts docs"), check.err());
    assertTrue(!Files.exists(tmp.resolve("docs")), "--check writes nothing");

    TestRepo.Run write = repo.contracts("docs");
    assertEquals(0, write.exit(), write.err());
    assertTrue(write.out().contains("wrote      docs/reference/kafka-topics.md") && write.out().contains("wrote      docs/reference/asyncapi.yaml"), write.out());
    assertEquals(Files.readString(TestRepo.repoRoot().resolve(Docs.PAGE)), Files.readString(tmp.resolve(Docs.PAGE)),
        "the same contracts give the same page");

    TestRepo.Run again = repo.contracts("docs");
    assertTrue(again.out().contains("up to date docs/reference/kafka-topics.md"), again.out());
    assertEquals(0, repo.contracts("docs", "--check").exit());

    repo.edit("catalog.yaml", "retention: 30d", "retention: 14d");
    TestRepo.Run stale = repo.contracts("docs", "--check");
    assertEquals(100, stale.exit());
    assertTrue(stale.err().contains("stale:   docs/reference/kafka-topics.md") && stale.err().contains("stale:   docs/reference/asyncapi.yaml"), stale.err());
  }

  @Test
  void badArgumentsAndBrokenContractsAreExitOne(@TempDir Path tmp) throws Exception {
    TestRepo repo = new TestRepo(tmp);
    TestRepo.Run unknown = repo.contracts("docs", "--chek");
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().contains("--chek") && unknown.err().contains("--help"), unknown.err());
    TestRepo.Run help = TestRepo.run("docs", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--check") && help.out().contains("Exit codes"), help.out());
    repo.edit("catalog.yaml", "retention: 30d", "retention: soon");
    TestRepo.Run broken = repo.contracts("docs");
    assertEquals(1, broken.exit());
    assertTrue(broken.err().contains("schemas/catalog.yaml:") && broken.err().contains("retention"), broken.err());
  }
}
