package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import io.github.eventcontracts.tooling.gate.Baseline;
import io.github.eventcontracts.tooling.gate.Baselines;
import io.github.eventcontracts.tooling.gate.CheckRun;
import io.github.eventcontracts.tooling.registry.SubjectNaming;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"The compatibility gate: every schema in the work tree against a baseline, each subject at "
        + "the level catalog.yaml gives it. Transitive levels check every earlier version: every committed "
        + "version on the baseline's history (git) or every registered version (registry).",
        "New subjects pass; a removed subject or a renamed event is a finding.",
        "A breaking schema finding accepted in catalog.yaml under accepted_breaking_changes (rule, topic, format, "
            + "path, against: the fingerprint of the version it breaks, reason) is printed as ACCEPTED with its reason "
            + "(a warning annotation with --format github-actions) and does not fail the gate; an entry that matches "
            + "nothing is a finding (UNUSED_ACCEPTED_CHANGE)."},
    footer = {"", "BASELINE is one of:",
        "  git:REF        a commit, branch or tag (git:origin/main, git:HEAD~1)",
        "  dir:PATH       a schemas folder (with catalog.yaml)",
        "  jar:PATH       an event-contracts jar (the schemas folder it bundles)",
        "  registry:URL   a Confluent-compatible registry (e.g. http://127.0.0.1:18081/apis/ccompat/v7);",
        "                 credentials from REGISTRY_USER/REGISTRY_PASSWORD or REGISTRY_TOKEN",
        "Default: git:<merge-base of HEAD with origin/main, main, origin/master or master>.",
        "", "Exit codes: 0 compatible, 100 findings, 1 the gate could not judge (invalid schema, unreadable "
        + "baseline, bad arguments) - it never passes what it could not read."})
final class CheckCommand extends FindingsCommand {
  @Option(names = "--against", paramLabel = "BASELINE", description = "What to compare with (see below).")
  String against;

  @Mixin
  Common.PolicyOption policy = new Common.PolicyOption();

  @Option(names = "--subject-template", paramLabel = "TEMPLATE", defaultValue = SubjectNaming.DEFAULT_TEMPLATE,
      description = "Registry subject of each topic's second format. Default: ${DEFAULT-VALUE}.")
  String subjectTemplate;

  @Mixin
  Common.RepoOptions repo = new Common.RepoOptions();

  @Override
  int judge() {
    ContractModel model = repo.load();
    SubjectNaming naming = new SubjectNaming(subjectTemplate);
    Baseline baseline = Baselines.load(against, repo.root(), repo.schemas, model.catalog(), naming,
        url -> new RegistryClient(RegistryConfig.of(url).withEnvironment(System.getenv())));
    CheckRun run = CheckRun.of(model, baseline, naming, policy.policy);
    run.notes().forEach(n -> spec.commandLine().getErr().println("note: " + n));
    format.format.printAccepted(run.result().accepted(), spec.commandLine().getOut());
    return Common.report(run.result().findings(), format.format, spec.commandLine().getOut(),
        spec.commandLine().getErr(), run.compatibleLine(), run.summary());
  }
}
