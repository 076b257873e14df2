package io.github.eventcontracts.tooling.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.tooling.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link (and #anchor) in the repository's hand-written Markdown (README.md, docs/**, the other
 * READMEs) resolves. The generated pages (docs/reference/) are left out: they are written for the platform's
 * Docusaurus site, where their links (./websocket.md, ...) resolve, and are checked by KafkaTopicsPageTest.
 */
class MarkdownLinksTest {

  @Test
  void everyRelativeLinkOfTheRepositoryResolves() {
    Path root = TestRepo.repoRoot();
    List<Path> files = MarkdownLinks.markdownFiles(root, Set.of(Docs.PAGE));
    assertTrue(files.contains(root.resolve("README.md")) && files.contains(root.resolve("docs/gate.md")), files.toString());
    List<String> problems = new MarkdownLinks(root).check(files);
    assertEquals(List.of(), problems, "broken links in the Markdown:\n  " + String.join("\n  ", problems));
  }

  @Test
  void brokenLinksAndAnchorsAreReportedWithFileAndLine(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("docs/reference"));
    Files.writeString(tmp.resolve("README.md"), String.join("\n",
        "# Title",
        "",
        "See [the gate](docs/gate.md), [rules](docs/gate.md#lint-rules) and [here](#where-to-read-next).",
        "A [missing page](docs/missing.md) and [a missing anchor](docs/gate.md#no-such-heading).",
        "`[not a link](nowhere.md)` and https://example.com and [web](https://example.com/x.md).",
        "```",
        "[inside a code block](nowhere.md)",
        "```",
        "## Where to read next",
        "[bad self anchor](#where-to-read)",
        "[ref]: docs/also-missing.md",
        "[up and out](../outside.md)"));
    Files.writeString(tmp.resolve("docs/gate.md"), String.join("\n",
        "# The CLI: `scripts/contracts`",
        "## Lint rules",
        "## Lint rules",
        "[back](../README.md#title), [dup](#lint-rules-1), [cli](#the-cli-scriptscontracts), [file](reference/)"));
    Files.writeString(tmp.resolve("docs/reference/generated.md"), "[site only](./websocket.md)\n");

    List<Path> files = MarkdownLinks.markdownFiles(tmp, Set.of("docs/reference/generated.md"));
    assertEquals(List.of(tmp.resolve("README.md"), tmp.resolve("docs/gate.md")), files);
    List<String> problems = new MarkdownLinks(tmp).check(files);
    assertEquals(List.of(
        "README.md:4: broken link docs/missing.md: no such file docs/missing.md",
        "README.md:4: broken link docs/gate.md#no-such-heading: no heading with anchor #no-such-heading in docs/gate.md",
        "README.md:10: broken link #where-to-read: no heading with anchor #where-to-read in README.md",
        "README.md:11: broken link docs/also-missing.md: no such file docs/also-missing.md",
        "README.md:12: broken link ../outside.md: points outside the repository"), problems);
  }

  @Test
  void slugsFollowGitHub() {
    assertEquals("the-cli-scriptscontracts", MarkdownLinks.slug("The CLI: `scripts/contracts`"));
    assertEquals("from-the-command-line-produce-and-consume",
        MarkdownLinks.slug("From the command line: `produce` and `consume`"));
    assertEquals("choices-and-why", MarkdownLinks.slug("Choices, and why"));
    assertEquals("the-catalog-adding-and-evolving-an-event", MarkdownLinks.slug("The catalog, adding and evolving an event"));
    assertEquals("min_insync_replicas-and-acksall", MarkdownLinks.slug("`min_insync_replicas` and **acks=all**"));
    assertEquals("see-the-docs", MarkdownLinks.slug("See [the docs](docs/x.md)"));
  }
}
