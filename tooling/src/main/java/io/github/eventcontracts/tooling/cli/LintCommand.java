package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.tooling.lint.LintRule;
import io.github.eventcontracts.tooling.lint.Linter;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {"Checks the schemas folder against the contract rules (list them with --rules).",
        "A finding can be accepted in catalog.yaml under 'suppressions' with a written reason; suppressed "
            + "findings are counted in the summary, and a suppression that matches nothing is itself a finding."},
    footer = {"", "Exit codes: 0 clean, 100 findings, 1 the schemas could not be loaded."})
final class LintCommand extends FindingsCommand {
  @Mixin
  Common.RepoOptions repo = new Common.RepoOptions();

  @Option(names = "--rules", description = "List the rules with their ids and exit.")
  boolean listRules;

  @Override
  int judge() {
    PrintWriter out = spec.commandLine().getOut();
    Linter linter = Linter.standard();
    if (listRules) {
      for (LintRule r : linter.rules()) {
        out.printf("%-22s %s%n", r.id(), r.description());
      }
      out.printf("%-22s %s%n", Linter.UNUSED_SUPPRESSION, "A suppression in the catalog matches no finding.");
      return Main.OK;
    }
    ContractModel model = repo.load();
    Linter.Result result = linter.run(model);
    String suppressed = result.suppressed().isEmpty() ? ""
        : ", " + result.suppressed().size() + " suppressed in " + model.catalog().source().file();
    return Common.report(result.findings(), format.format, out, spec.commandLine().getErr(),
        "lint: clean (" + (linter.rules().size() + 1) + " rules, " + model.events().size() + " events" + suppressed + ")",
        "lint" + suppressed);
  }
}
