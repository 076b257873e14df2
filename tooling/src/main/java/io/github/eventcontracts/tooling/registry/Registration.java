package io.github.eventcontracts.tooling.registry;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.tooling.compat.CompatibilityCheck;
import java.util.List;
import java.util.function.Consumer;

/**
 * Registering the contracts, as {@code contracts register} and the Maven plugin's {@code register} goal run it:
 * prints the plan, then (unless a dry run, or a subject would be rejected) applies it and prints what is
 * registered now. Both front ends print these same lines and map the {@link Outcome} to their exit status.
 */
public final class Registration {
  /** How a registration ended. */
  public enum Outcome {
    /** Registered, or nothing to do, or a dry run whose plan is clean. */
    DONE,
    /** A schema would be or was rejected as incompatible (409/422): nothing was written, or that write failed. */
    REJECTED,
    /** The registry could not be used (unreachable, 401/403). */
    FAILED
  }

  private Registration() {}

  public static Outcome run(ContractModel model, RegistryClient client, SubjectNaming naming, CompatibilityCheck check,
      boolean dryRun, Consumer<String> out) {
    RegistrationPlan plan = RegistrationPlan.plan(model, client, naming, check);
    out.accept("Registry " + client.url() + (dryRun ? " (dry run: nothing will be written)" : ""));
    for (RegistrationPlan.Entry e : plan.entries()) {
      out.accept(String.format("  %-38s %-5s %-12s %s", e.subject(), e.format().registryType(), describe(e), level(e)));
      e.reasons().forEach(r -> out.accept("      " + r));
      e.accepted().forEach(r -> out.accept("      " + r));
      if (e.lowersLevel()) {
        out.accept("      level lowered to NONE for this one registration, then restored to " + e.level()
            + " (every breaking finding is accepted in the catalog)");
      }
    }
    int planned = plan.plannedWrites();
    if (plan.hasRejections()) {
      out.accept("Nothing written: " + plan.entries().stream().filter(e -> e.action() == RegistrationPlan.Action.REJECTED)
          .count() + " subject(s) would be rejected (reasons above); fix the schemas, then register again.");
      return Outcome.REJECTED;
    }
    if (dryRun) {
      out.accept("Plan: " + planned + " write(s). Dry run: nothing written.");
      return Outcome.DONE;
    }
    if (planned == 0) {
      out.accept("Nothing to do: every schema and level is already registered (0 writes).");
      return Outcome.DONE;
    }
    List<RegistrationPlan.Applied> applied = plan.apply(client);
    Outcome outcome = Outcome.DONE;
    for (RegistrationPlan.Applied a : applied) {
      if (a.error() != null) {
        if (!a.rejected()) {
          outcome = Outcome.FAILED;
        } else if (outcome == Outcome.DONE) {
          outcome = Outcome.REJECTED;
        }
        out.accept("  FAILED " + a.entry().subject() + ": " + a.error());
        if (a.rejected() && a.entry().lowersLevel()) {
          out.accept("      the registry refused this version although the subject's level was NONE: some registries "
              + "(Apicurio Registry 2.x) read a subject level of NONE as 'no level of its own' and apply their global "
              + "level instead; set the registry's global level to NONE (PUT " + client.url() + "/config "
              + "{\"compatibility\":\"NONE\"}; scripts/stack does this for the local registry) and register again");
        }
      } else if (a.entry().lowersLevel()) {
        out.accept("  " + a.entry().subject() + ": registered at level NONE for accepted breaking changes; level "
            + "restored to " + a.entry().level());
      }
    }
    out.accept("Applied: " + client.writes() + " write(s) to " + client.url() + ".");
    out.accept("Registered now:");
    for (RegistrationPlan.Entry e : plan.entries()) {
      List<Integer> versions = client.versions(e.subject());
      out.accept(String.format("  %-38s %s", e.subject(), versions.isEmpty() ? "(none)" : "v" + versions.get(versions.size() - 1)
          + " of " + versions.size()));
    }
    return outcome;
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
