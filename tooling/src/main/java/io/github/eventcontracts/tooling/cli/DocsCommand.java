package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.tooling.docs.Docs;
import io.github.eventcontracts.tooling.docs.DocsException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "docs", mixinStandardHelpOptions = true,
    description = {"Generates the documentation from the contracts: " + Docs.PAGE + " (the platform's Kafka Topics "
        + "page, a Docusaurus page) and " + Docs.ASYNCAPI + " (AsyncAPI 3.0.0). Both are committed; the build fails "
        + "when they are stale.",
        "Writes only the files that differ. With --check, writes nothing and reports the stale files."},
    footer = {"", "Exit codes: 0 written (or already up to date), 100 stale (--check), 1 the contracts could not be "
        + "read or a file could not be written."})
final class DocsCommand implements Callable<Integer> {
  @Option(names = "--check", description = "Write nothing; exit 100 when a file is missing or stale.")
  boolean check;

  @Mixin
  Common.RepoOptions repo = new Common.RepoOptions();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> files;
    try {
      files = Docs.generate(repo.load(), Docs.artifactVersion());
    } catch (ContractException e) {
      e.findings().forEach(f -> err.println("contracts: " + f));
      err.println("docs: the contracts could not be read (exit 1)");
      return Main.BROKEN;
    } catch (DocsException e) {
      err.println("contracts: " + e.getMessage());
      return Main.BROKEN;
    }
    Path root = repo.root();
    if (check) {
      List<String> problems = Docs.stale(root, files);
      if (problems.isEmpty()) {
        out.println("docs: up to date (" + String.join(", ", files.keySet()) + ")");
        return Main.OK;
      }
      err.println("docs: " + Docs.staleMessage(problems));
      return Main.FINDINGS;
    }
    List<String> written = Docs.write(root, files);
    files.keySet().forEach(f -> out.println((written.contains(f) ? "wrote      " : "up to date ") + f));
    return Main.OK;
  }
}
