package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.tooling.gate.Baselines;
import io.github.eventcontracts.tooling.gate.CheckRun;
import io.github.eventcontracts.tooling.registry.SubjectNaming;
import io.github.eventcontracts.tooling.release.ReleasePlan;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "release-plan", mixinStandardHelpOptions = true,
    description = {"The next version of the contracts artifact, from the gate's verdict against the last release "
        + "(the newest tag v<major>.<minor>.<patch> on HEAD's history), and its changelog section (Markdown).",
        "Major: a breaking change accepted in catalog.yaml (accepted_breaking_changes). Minor: a new event, a field "
            + "added or removed, any other compatible schema change, a catalog setting or consumer group. Patch: "
            + "descriptions only (or no contract change at all: then only the artifact's code can call for a release)."},
    footer = {"", "Exit codes: 0 a plan (or no release tag yet: said so), 100 the gate fails against the last release "
        + "(nothing can be released until the findings are fixed or accepted), 1 the gate could not judge."})
final class ReleasePlanCommand extends FindingsCommand {
  @Option(names = "--tag", paramLabel = "TAG", description = "The last release's tag. Default: the newest v<semver> "
      + "tag on HEAD's history.")
  String tag;

  @Mixin
  Common.PolicyOption policy = new Common.PolicyOption();

  @Mixin
  Common.RepoOptions repo = new Common.RepoOptions();

  @Override
  int judge() {
    ContractModel model = repo.load();
    PrintWriter out = spec.commandLine().getOut();
    String last = tag != null ? tag : ReleasePlan.newestRelease(Baselines.tagsOnHead(repo.root(), "v*"));
    if (last == null) {
      out.println("release-plan: no release tag (v<major>.<minor>.<patch>) on HEAD's history, so there is no "
          + "last release to compare with: this is the first release. Tag it (git tag v0.1.0), and later runs "
          + "compare with it.");
      return Main.OK;
    }
    CheckRun run = CheckRun.of(model, Baselines.git(repo.root(), last, repo.schemas), SubjectNaming.defaults(), policy.policy);
    run.notes().forEach(n -> spec.commandLine().getErr().println("note: " + n));
    ReleasePlan plan = ReleasePlan.of(last, run);
    if (!plan.releasable()) {
      format.format.print(run.result().findings(), out);
      out.println("release-plan: not releasable: " + run.breakingLine() + ". Fix them, or accept each in "
          + model.catalog().source().file() + " (accepted_breaking_changes) for a major release.");
      return Main.FINDINGS;
    }
    out.println(plan.summary());
    out.println();
    out.print(plan.changelog());
    return Main.OK;
  }
}
