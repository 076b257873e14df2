package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import io.github.eventcontracts.tooling.registry.RegistrationPlan;
import io.github.eventcontracts.tooling.registry.SubjectNaming;
import java.io.PrintWriter;
import java.util.List;
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
    RegistryClient client = new RegistryClient(config);
    SubjectNaming naming = new SubjectNaming(subjectTemplate);
    RegistrationPlan plan = RegistrationPlan.plan(model, client, naming, Common.check(policy.policy));
    out.println("Registry " + client.url() + (dryRun ? " (dry run: nothing will be written)" : ""));
    for (RegistrationPlan.Entry e : plan.entries()) {
      out.printf("  %-38s %-5s %-12s %s%n", e.subject(), e.format().registryType(), describe(e), level(e));
      e.reasons().forEach(r -> out.println("      " + r));
      e.accepted().forEach(r -> out.println("      " + r));
      if (e.lowersLevel()) {
        out.println("      level lowered to NONE for this one registration, then restored to " + e.level()
            + " (every breaking finding is accepted in the catalog)");
      }
    }
    int planned = plan.plannedWrites();
    if (plan.hasRejections()) {
      out.println("Nothing written: " + plan.entries().stream().filter(e -> e.action() == RegistrationPlan.Action.REJECTED)
          .count() + " subject(s) would be rejected (reasons above); fix the schemas, then register again.");
      return Main.FINDINGS;
    }
    if (dryRun) {
      out.println("Plan: " + planned + " write(s). Dry run: nothing written.");
      return Main.OK;
    }
    if (planned == 0) {
      out.println("Nothing to do: every schema and level is already registered (0 writes).");
      return Main.OK;
    }
    List<RegistrationPlan.Applied> applied = plan.apply(client);
    int exit = Main.OK;
    for (RegistrationPlan.Applied a : applied) {
      if (a.error() != null) {
        if (!a.rejected()) {
          exit = Main.BROKEN;
        } else if (exit == Main.OK) {
          exit = Main.FINDINGS;
        }
        out.println("  FAILED " + a.entry().subject() + ": " + a.error());
        if (a.rejected() && a.entry().lowersLevel()) {
          out.println("      the registry refused this version although the subject's level was NONE: some registries "
              + "(Apicurio Registry 2.x) read a subject level of NONE as 'no level of its own' and apply their global "
              + "level instead; set the registry's global level to NONE (PUT " + client.url() + "/config "
              + "{\"compatibility\":\"NONE\"}; scripts/stack does this for the local registry) and register again");
        }
      } else if (a.entry().lowersLevel()) {
        out.println("  " + a.entry().subject() + ": registered at level NONE for accepted breaking changes; level "
            + "restored to " + a.entry().level());
      }
    }
    out.println("Applied: " + client.writes() + " write(s) to " + client.url() + ".");
    out.println("Registered now:");
    for (RegistrationPlan.Entry e : plan.entries()) {
      List<Integer> versions = client.versions(e.subject());
      out.printf("  %-38s %s%n", e.subject(), versions.isEmpty() ? "(none)" : "v" + versions.get(versions.size() - 1)
          + " of " + versions.size());
    }
    return exit;
  }

  private static String describe(RegistrationPlan.Entry e) {
    return switch (e.action()) {
      case NEW -> "new";
      case NEW_VERSION -> "new version";
      case UNCHANGED -> "unchanged v" + e.version();
      case REJECTED -> "REJECTED";
    };
  }

  private static String level(RegistrationPlan.Entry e) {
    return e.setsLevel() ? "level " + (e.currentLevel() == null ? "(none)" : e.currentLevel()) + " -> " + e.level()
        : "level " + e.level();
  }
}
