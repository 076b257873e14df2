package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import io.github.eventcontracts.tooling.registry.Registration;
import io.github.eventcontracts.tooling.registry.SubjectNaming;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "register", mixinStandardHelpOptions = true,
    description = {"Registers both schemas of every event in a Confluent-compatible schema registry (Confluent, "
        + "Apicurio's /apis/ccompat/v7, Karapace, Redpanda) and sets each subject's compatibility level from the "
        + "catalog. Prints the plan first (new / new version / unchanged / would be rejected, with the "
        + "registry's reason), then applies it. A second run makes no writes.",
        "Subjects: <topic>-value for the topic's wire format (TopicNameStrategy); the other format under "
            + "--subject-template."},
    footer = {"", "Credentials: --user/--password or --token, or REGISTRY_USER, REGISTRY_PASSWORD, REGISTRY_TOKEN "
        + "in the environment (preferred: flags show in the process list). They never appear in the output.",
        "", "A new version is judged by the gate's own rules at the catalog's level against every registered "
        + "version, and by the registry; if any subject would be rejected, nothing is written.",
        "", "A breaking change accepted in catalog.yaml (accepted_breaking_changes) is registered with the subject's "
        + "level lowered to NONE for that one registration and restored right after (also on failure); the plan "
        + "says so.",
        "", "Exit codes: 0 registered (or nothing to do), 100 a schema would be or was rejected (409/422), 1 the "
        + "registry could not be used (unreachable, 401/403, bad arguments)."})
final class RegisterCommand implements Callable<Integer> {
  @Option(names = "--dry-run", description = "Print the plan and write nothing.")
  boolean dryRun;

  @Mixin
  RegistryOptions registry = new RegistryOptions();

  @Option(names = "--subject-template", paramLabel = "TEMPLATE", defaultValue = SubjectNaming.DEFAULT_TEMPLATE,
      description = "Subject of each topic's second format; {topic} and {format} are replaced. Default: ${DEFAULT-VALUE}.")
  String subjectTemplate;

  @Mixin
  Common.RepoOptions repo = new Common.RepoOptions();

  @Mixin
  Common.PolicyOption policy = new Common.PolicyOption();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RegistryConfig config = registry.config(spec);
    PrintWriter out = spec.commandLine().getOut();
    ContractModel model = repo.load();
    Registration.Outcome outcome = Registration.run(model, new RegistryClient(config), new SubjectNaming(subjectTemplate),
        Common.check(policy.policy), dryRun, out::println);
    return switch (outcome) {
      case DONE -> Main.OK;
      case REJECTED -> Main.FINDINGS;
      case FAILED -> Main.BROKEN;
    };
  }
}
