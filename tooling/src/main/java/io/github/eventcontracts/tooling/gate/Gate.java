package io.github.eventcontracts.tooling.gate;

import io.github.eventcontracts.model.Catalog;
import io.github.eventcontracts.model.CompatibilityLevel;
import io.github.eventcontracts.model.ConsumerGroup;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.tooling.compat.CompatibilityCheck;
import io.github.eventcontracts.tooling.report.Accepted;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The compatibility gate: every subject of the work tree against the baseline, at the level the catalog
 * gives it. New subjects pass; removed subjects and renamed events are findings. A breaking schema finding
 * can be accepted by an entry of the catalog's accepted_breaking_changes ({@link Acceptance}); it is then
 * reported as accepted, with the entry's reason.
 */
public final class Gate {
  public static final String SUBJECT_REMOVED = "SUBJECT_REMOVED";
  public static final String EVENT_RENAMED = "EVENT_RENAMED";
  public static final String COMPATIBILITY_LEVEL_LOWERED = "COMPATIBILITY_LEVEL_LOWERED";
  public static final String WIRE_FORMAT_CHANGED = "WIRE_FORMAT_CHANGED";
  public static final String MESSAGE_KEY_CHANGED = "MESSAGE_KEY_CHANGED";

  private static final java.util.Comparator<Finding> READING_ORDER = java.util.Comparator.comparing(Finding::file)
      .thenComparingInt(Finding::line).thenComparingInt(Finding::column);

  private final CompatibilityCheck check;

  public Gate(CompatibilityCheck check) {
    this.check = check;
  }

  /**
   * The gate's verdict.
   *
   * @param findings what breaks (an exit code 100 when not empty), including accepted-change entries that matched nothing
   * @param accepted breaking findings accepted by the catalog's accepted_breaking_changes, each with its reason
   * @param notes    accepted_breaking_changes entries that do not apply to this baseline, for the user
   * @param broken   per topic with findings, the formats whose schema breaks (none: the topic itself, in the catalog)
   */
  public record Result(List<Finding> findings, List<Accepted> accepted, List<String> notes,
      java.util.Map<String, java.util.Set<SchemaFormat>> broken) {}

  public List<Finding> run(ContractModel current, Baseline baseline) {
    return evaluate(current, baseline).findings();
  }

  public Result evaluate(ContractModel current, Baseline baseline) {
    Catalog catalog = current.catalog();
    List<Finding> findings = new ArrayList<>();
    Acceptance acceptance = new Acceptance(catalog);
    List<Accepted> accepted = new ArrayList<>();
    java.util.Map<String, java.util.Set<SchemaFormat>> broken = new java.util.LinkedHashMap<>();
    for (EventContract e : current.events()) {
      Topic topic = e.topic();
      Baseline.BaselineTopic old = baseline.topics().get(topic.name());
      if (old == null) {
        continue; // a new subject: nothing to be compatible with
      }
      boolean renamed = old.eventType() != null && !old.eventType().equals(topic.eventType());
      if (renamed) {
        findings.add(Finding.at(EVENT_RENAMED, catalog.source(), "/topics/" + topic.name() + "/event",
            "topics." + topic.name() + ".event",
            "topic " + topic.name() + " carried event '" + old.eventType() + "' in " + baseline.description()
                + " and now carries '" + topic.eventType() + "': consumers filtering on event_type stop seeing it."
                + readers(catalog, topic.name()),
            "keep the event name; publish a new event on a new topic and retire the old one in steps"));
      }
      List<Finding> catalogChanges = catalogChanges(catalog, baseline, old, topic);
      findings.addAll(catalogChanges);
      if (renamed || !catalogChanges.isEmpty()) {
        broken.computeIfAbsent(topic.name(), t -> java.util.EnumSet.noneOf(SchemaFormat.class));
      }
      for (SchemaFormat f : SchemaFormat.values()) {
        // a change cannot lower the bar it is judged by: the stricter of the baseline's and the new level
        CompatibilityLevel level = old.topic() == null ? topic.compatibility(f)
            : topic.compatibility(f).strictest(old.topic().compatibility(f));
        Acceptance.Split split = acceptance.apply(topic.name(), f, old.versions(f),
            check.judge(f, level, old.versions(f), e.source(f)), e.source(f).file());
        String context = " [" + topic.name() + " " + f.key() + ", " + level + "]." + readers(catalog, topic.name());
        if (!split.findings().isEmpty()) {
          broken.computeIfAbsent(topic.name(), t -> java.util.EnumSet.noneOf(SchemaFormat.class)).add(f);
        }
        for (Finding x : split.findings()) {
          findings.add(new Finding(x.ruleId(), x.file(), x.line(), x.column(), x.path(), x.message() + context, x.hint()));
        }
        for (Accepted a : split.accepted()) {
          Finding x = a.finding();
          accepted.add(new Accepted(new Finding(x.ruleId(), x.file(), x.line(), x.column(), x.path(),
              x.message() + context, x.hint()), a.by(), a.reason()));
        }
      }
    }
    for (Baseline.BaselineTopic old : baseline.topics().values()) {
      if (catalog.topic(old.name()).isPresent()) {
        continue;
      }
      broken.computeIfAbsent(old.name(), t -> java.util.EnumSet.noneOf(SchemaFormat.class));
      String renamedTo = old.eventType() == null ? null : renamedTo(current, baseline, old);
      String rule = renamedTo != null ? EVENT_RENAMED : SUBJECT_REMOVED;
      String message = renamedTo != null
          ? "event '" + old.eventType() + "' (topic " + old.name() + ") was renamed to '" + renamedTo
              + "': every consumer of " + old.name() + " stops receiving events and its subjects are orphaned"
          : "topic " + old.name() + " and its subjects were removed (present in " + baseline.description()
              + "): producers and consumers that still use it break";
      if (baseline.catalog() != null) {
        message += readers(baseline.catalog(), old.name());
      }
      String hint = renamedTo != null
          ? "keep " + old.name() + " (and its event) until its consumers read " + renamedTo + "; add the new event "
              + "beside it, then retire the old topic in a change of its own"
          : "keep the topic in the catalog until every consumer has moved off it; deprecate it in its description first";
      if (baseline.catalog() != null && old.pointer() != null) {
        findings.add(Finding.at(rule, baseline.catalog().source(), old.pointer(), "topics." + old.name(), message, hint));
      } else {
        findings.add(new Finding(rule, catalog.source().file(), 1, 1, "topics." + old.name(), message, hint));
      }
    }
    findings.addAll(acceptance.unused(baseline.description()));
    // in reading order: by file, then line and column
    findings.sort(READING_ORDER);
    accepted.sort(java.util.Comparator.comparing(Accepted::finding, READING_ORDER));
    return new Result(findings, accepted, acceptance.notApplicable(baseline.description()), broken);
  }

  /** Catalog changes that break consumers or weaken the gate itself: levels lowered, wire format or key changed. */
  private static List<Finding> catalogChanges(Catalog catalog, Baseline baseline, Baseline.BaselineTopic old, Topic topic) {
    List<Finding> out = new ArrayList<>();
    Topic was = old.topic();
    if (was == null) {
      return out;
    }
    String at = "/topics/" + topic.name();
    String path = "topics." + topic.name();
    for (SchemaFormat f : SchemaFormat.values()) {
      if (topic.compatibility(f).weakerThan(was.compatibility(f))) {
        out.add(Finding.at(COMPATIBILITY_LEVEL_LOWERED, catalog.source(), at, path + ".compatibility." + f.key(),
            "the " + f.key() + " compatibility level of " + topic.name() + " was lowered from " + was.compatibility(f)
                + " (" + baseline.description() + ") to " + topic.compatibility(f) + "; this change is still judged at "
                + topic.compatibility(f).strictest(was.compatibility(f)),
            "lower a level in its own pull request, reviewed on its own, never together with a schema change"));
      }
    }
    if (was.wireFormat() != topic.wireFormat()) {
      out.add(Finding.at(WIRE_FORMAT_CHANGED, catalog.source(), at, path + ".wire_format",
          "the wire format of " + topic.name() + " changed from " + was.wireFormat().key() + " to "
              + topic.wireFormat().key() + ": subject " + topic.name() + "-value would hold the other schema type, "
              + "and consumers cannot read the new messages" + readers(catalog, topic.name()),
          "keep the wire format; publish the other format on a new topic and migrate consumers"));
    }
    if (!was.keyField().equals(topic.keyField())) {
      out.add(Finding.at(MESSAGE_KEY_CHANGED, catalog.source(), at, path + ".key",
          "the message key of " + topic.name() + " changed from data." + was.keyField() + " to data."
              + topic.keyField() + ": events of one aggregate land in other partitions and lose their order",
          "keep the key; a new key needs a new topic"));
    }
    return out;
  }

  /** The new event that took over a removed topic's Avro record name, if any. */
  private static String renamedTo(ContractModel current, Baseline baseline, Baseline.BaselineTopic old) {
    var oldVersions = old.versions(SchemaFormat.AVRO);
    if (oldVersions.isEmpty()) {
      return null;
    }
    String oldName = oldVersions.get(oldVersions.size() - 1).document().root().path("name").asText();
    for (EventContract e : current.events()) {
      if (!baseline.topics().containsKey(e.topic().name()) && e.avroSchema().getName().equals(oldName)) {
        return e.eventType();
      }
    }
    return null;
  }

  private static String readers(Catalog catalog, String topic) {
    List<ConsumerGroup> groups = catalog.readersOf(topic);
    if (groups.isEmpty()) {
      return "";
    }
    return " Readers affected: " + groups.stream().map(g -> g.id() + " (" + g.service() + ")")
        .collect(Collectors.joining(", ")) + ".";
  }
}
