package io.github.eventcontracts.tooling.registry;

import io.github.eventcontracts.model.CompatibilityLevel;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.tooling.compat.CompatibilityCheck;
import io.github.eventcontracts.tooling.compat.SchemaVersion;
import io.github.eventcontracts.tooling.gate.Acceptance;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What registering the contracts would do to a registry, subject by subject, worked out with reads
 * only; {@link #apply} then makes exactly the writes the plan lists.
 */
public final class RegistrationPlan {

  /** What happens to one subject. */
  public enum Action {
    /** The subject does not exist: it will be created with this schema as version 1. */
    NEW,
    /** The schema differs from every registered version and the registry accepts it. */
    NEW_VERSION,
    /** This exact schema is already registered. */
    UNCHANGED,
    /** The registry would refuse the schema as incompatible at the subject's level. */
    REJECTED
  }

  /**
   * @param subject       the registry subject
   * @param topic         the topic it belongs to
   * @param format        the schema's format
   * @param schema        the schema text to register (normalized: no insignificant whitespace)
   * @param action        what happens to the schema
   * @param version       the registered version when UNCHANGED, else 0
   * @param currentLevel  the subject's own level in the registry, or null when it has none
   * @param level         the level the catalog gives the subject
   * @param reasons       the registry's reasons when REJECTED
   * @param accepted      breaking findings accepted by the catalog's accepted_breaking_changes, with the entry and reason
   * @param lowersLevel   every breaking finding of the new version is accepted in the catalog: the subject's level is
   *                      set to NONE for this one registration and restored to {@code level} right after
   */
  public record Entry(String subject, String topic, SchemaFormat format, String schema, Action action, int version,
      String currentLevel, CompatibilityLevel level, List<String> reasons, List<String> accepted, boolean lowersLevel) {

    public boolean setsLevel() {
      return !level.name().equals(currentLevel);
    }

    public boolean writesSchema() {
      return action == Action.NEW || action == Action.NEW_VERSION;
    }
  }

  private final List<Entry> entries;

  private RegistrationPlan(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** Writes the plan would make: level changes and schema registrations. */
  public int plannedWrites() {
    return (int) entries.stream().filter(e -> e.action() != Action.REJECTED)
        .mapToLong(e -> (e.setsLevel() ? 1 : 0) + (e.writesSchema() ? 1 : 0) + (e.lowersLevel() ? 2 : 0)).sum();
  }

  public boolean hasRejections() {
    return entries.stream().anyMatch(e -> e.action() == Action.REJECTED);
  }

  /**
   * Works out the plan for every subject of every event in the model, with reads only. A new version is
   * judged twice: by our own engines at the catalog's level against every registered version (so the plan
   * does not depend on the level the registry happens to hold, and is transitive where the level is), and
   * by the registry itself. Either one refusing makes the subject REJECTED, with both sides' reasons.
   */
  public static RegistrationPlan plan(ContractModel model, RegistryClient client, SubjectNaming naming,
      CompatibilityCheck check) {
    List<Entry> out = new ArrayList<>();
    Acceptance acceptance = new Acceptance(model.catalog());
    client.subjects(); // a wrong URL fails here (404), instead of reading as "no subject registered yet"
    for (EventContract e : model.events()) {
      for (SchemaFormat f : SchemaFormat.values()) {
        String subject = naming.subject(e.topic(), f);
        String schema = f == SchemaFormat.AVRO ? e.avroSchema().toString() : e.jsonSource().root().toString();
        CompatibilityLevel level = e.topic().compatibility(f);
        List<Integer> versions = client.versions(subject);
        String currentLevel = versions.isEmpty() ? null : client.subjectLevel(subject).orElse(null);
        Action action;
        int version = 0;
        List<String> reasons = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        boolean lowersLevel = false;
        if (versions.isEmpty()) {
          action = Action.NEW;
        } else {
          Optional<RegistryClient.Registered> found = client.lookup(subject, schema, f.registryType());
          if (found.isPresent()) {
            action = Action.UNCHANGED;
            version = found.get().version();
          } else {
            List<SchemaVersion> registered = RegisteredVersions.read(client, subject, f, versions);
            Acceptance.Split split = acceptance.apply(e.topic().name(), f, registered,
                check.judge(f, level, registered, e.source(f)), e.source(f).file());
            split.findings().forEach(x -> reasons.add("gate: " + x));
            split.accepted().forEach(a -> accepted.add("accepted: " + a.finding().ruleId()
                + (a.finding().path().isEmpty() ? "" : " at " + a.finding().path()) + " (" + a.by() + ": " + a.reason() + ")"));
            // the registry cannot be told which finding is accepted: when our own engines find nothing but accepted
            // findings, the version is registered at level NONE (restored right after) without asking the registry,
            // whose own verdict would only be about those findings (and Apicurio 2.4 cannot judge draft 2020-12)
            lowersLevel = split.findings().isEmpty() && !split.accepted().isEmpty();
            if (!lowersLevel) {
              RegistryClient.Compatibility c = client.testCompatibility(subject, schema, f.registryType());
              c.messages().forEach(m -> reasons.add("registry: " + m));
              if (!c.compatible() && c.messages().isEmpty()) {
                reasons.add("registry: incompatible at the subject's level " + currentLevel + " (no reason given)");
              }
            }
            action = reasons.isEmpty() ? Action.NEW_VERSION : Action.REJECTED;
          }
        }
        out.add(new Entry(subject, e.topic().name(), f, schema, action, version, currentLevel, level, List.copyOf(reasons),
            List.copyOf(accepted), lowersLevel));
      }
    }
    return new RegistrationPlan(out);
  }

  /**
   * The outcome of one subject after apply.
   *
   * @param status the registry's HTTP status when it refused a write (409 incompatible, 422 invalid), else 0
   */
  public record Applied(Entry entry, int id, String error, int status) {

    /** The registry refused the schema itself (as opposed to being unreachable or refusing the credentials). */
    public boolean rejected() {
      return status == 409 || status == 422;
    }
  }

  /**
   * Registers a version whose breaking findings are all accepted in the catalog: the subject's level is NONE
   * for this one registration only and is restored to the catalog's level afterwards, also when the
   * registration fails.
   */
  private static int registerAtLevelNone(RegistryClient client, Entry e) {
    client.setSubjectLevel(e.subject(), "NONE");
    try {
      return client.register(e.subject(), e.schema(), e.format().registryType());
    } finally {
      client.setSubjectLevel(e.subject(), e.level().name());
    }
  }

  /**
   * Makes the plan's writes; nothing at all when any subject would be rejected, so that an event's Avro and
   * JSON subjects never end up at different versions. An existing subject gets its level first, so that the registry judges the
   * new schema at the catalog's level; a new subject is created by its first schema and then gets its
   * level (some registries refuse a level for a subject that does not exist yet). A subject the registry
   * refuses does not stop the others.
   */
  public List<Applied> apply(RegistryClient client) {
    List<Applied> out = new ArrayList<>();
    if (hasRejections()) {
      return out;
    }
    for (Entry e : entries) {
      try {
        boolean levelFirst = e.action() != Action.NEW;
        if (levelFirst && e.setsLevel()) {
          client.setSubjectLevel(e.subject(), e.level().name());
        }
        int id = e.lowersLevel() ? registerAtLevelNone(client, e)
            : e.writesSchema() ? client.register(e.subject(), e.schema(), e.format().registryType()) : 0;
        if (!levelFirst && e.setsLevel()) {
          client.setSubjectLevel(e.subject(), e.level().name());
        }
        out.add(new Applied(e, id, null, 0));
      } catch (RegistryException ex) {
        out.add(new Applied(e, 0, ex.getMessage(), ex.status()));
      }
    }
    return out;
  }
}
