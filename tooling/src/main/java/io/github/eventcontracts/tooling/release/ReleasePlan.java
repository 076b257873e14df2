package io.github.eventcontracts.tooling.release;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.EventField;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.gate.Baseline;
import io.github.eventcontracts.tooling.gate.CheckRun;
import io.github.eventcontracts.tooling.report.Accepted;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The next version of the contracts artifact, from the gate's verdict against the last release: a breaking
 * change (accepted in the catalog) makes a major release; a new event, a new or removed field or any other
 * compatible schema or catalog change a minor one; descriptions only a patch. Each change is a line of the
 * changelog section, under its heading.
 */
public final class ReleasePlan {
  /** Release tags: {@code v1.2.3} (a pre-release such as {@code v1.2.3-rc1} is not a release). */
  public static final Pattern TAG = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");

  /** How far the version moves; the order is the strength. */
  public enum Bump {
    PATCH("Documentation"), MINOR("Added and changed"), MAJOR("Breaking changes (accepted)");

    private final String heading;

    Bump(String heading) {
      this.heading = heading;
    }
  }

  /** One line of the changelog. */
  public record Change(Bump bump, String text) {}

  private final String lastTag;
  private final CheckRun run;
  private final List<Change> changes;

  private ReleasePlan(String lastTag, CheckRun run, List<Change> changes) {
    this.lastTag = lastTag;
    this.run = run;
    this.changes = changes;
  }

  /** The newest release tag of the given ones (by version, not by name), or null when none is a release tag. */
  public static String newestRelease(List<String> tags) {
    String best = null;
    int[] bestVersion = null;
    for (String t : tags) {
      int[] v = version(t);
      if (v != null && (bestVersion == null || compare(v, bestVersion) > 0)) {
        best = t;
        bestVersion = v;
      }
    }
    return best;
  }

  /**
   * @param lastTag the last release's tag ({@code v1.2.3})
   * @param run     the gate run of the work tree against that tag
   */
  public static ReleasePlan of(String lastTag, CheckRun run) {
    if (version(lastTag) == null) {
      throw new IllegalArgumentException("'" + lastTag + "' is not a release tag (v<major>.<minor>.<patch>)");
    }
    List<Change> changes = new ArrayList<>();
    for (Accepted a : run.result().accepted()) {
      Finding f = a.finding();
      changes.add(new Change(Bump.MAJOR, "`" + f.ruleId() + "` at " + f.file() + ":" + f.line()
          + (f.path().isEmpty() ? "" : " (" + f.path() + ")") + ": " + f.message() + " Accepted: " + a.reason()));
    }
    Baseline baseline = run.baseline();
    ContractModel model = run.model();
    for (EventContract e : model.events()) {
      Baseline.BaselineTopic old = baseline.topics().get(e.topic().name());
      if (old == null) {
        changes.add(new Change(Bump.MINOR, "New event `" + e.eventType() + "` on topic `" + e.topic().name() + "` ("
            + e.fields().size() + " fields)."));
        continue;
      }
      schemaChanges(e, old, changes);
    }
    catalogChange(model, baseline, changes);
    return new ReleasePlan(lastTag, run, List.copyOf(changes));
  }

  private static void schemaChanges(EventContract e, Baseline.BaselineTopic old, List<Change> changes) {
    boolean described = false;
    List<String> changedFormats = new ArrayList<>();
    for (SchemaFormat f : SchemaFormat.values()) {
      List<io.github.eventcontracts.tooling.compat.SchemaVersion> versions = old.versions(f);
      SourceDocument was = versions.get(versions.size() - 1).document();
      SourceDocument now = e.source(f);
      if (was.root().equals(now.root())) {
        continue;
      }
      if (Annotations.strip(was.root(), f).equals(Annotations.strip(now.root(), f))) {
        described = true;
      } else {
        changedFormats.add(f.key());
      }
    }
    String event = "`" + e.eventType() + "`";
    if (!changedFormats.isEmpty()) {
      Set<String> before = fieldPaths(old);
      Set<String> after = fieldPaths(e);
      List<String> added = after.stream().filter(p -> !before.contains(p)).toList();
      List<String> removed = before.stream().filter(p -> !after.contains(p)).toList();
      StringBuilder text = new StringBuilder(event).append(": ");
      if (!added.isEmpty()) {
        text.append("fields added: ").append(String.join(", ", added)).append(removed.isEmpty() ? "" : "; ");
      }
      if (!removed.isEmpty()) {
        text.append("fields removed: ").append(String.join(", ", removed));
      }
      if (added.isEmpty() && removed.isEmpty()) {
        text.append("schema changed compatibly (").append(String.join(", ", changedFormats)).append(")");
      }
      changes.add(new Change(Bump.MINOR, text + "."));
    } else if (described) {
      changes.add(new Change(Bump.PATCH, event + ": descriptions changed."));
    }
  }

  /** The field paths of the last released version of a topic (its model view, from the documents the baseline holds). */
  private static Set<String> fieldPaths(Baseline.BaselineTopic old) {
    SourceDocument avro = last(old, SchemaFormat.AVRO);
    SourceDocument json = last(old, SchemaFormat.JSON);
    return fieldPaths(new EventContract(old.topic(), avro, ContractModel.parseAvro(avro), json));
  }

  /** Every field path of an event in either format: the JSON Schema's ({@link EventField}), then the Avro schema's. */
  private static Set<String> fieldPaths(EventContract e) {
    Set<String> out = new LinkedHashSet<>(e.fields().stream().map(EventField::path).toList());
    avroPaths(e.avroSchema(), "", out, new java.util.HashSet<>());
    return out;
  }

  private static void avroPaths(org.apache.avro.Schema s, String prefix, Set<String> out, Set<String> seen) {
    switch (s.getType()) {
      case RECORD -> {
        if (!seen.add(s.getFullName())) {
          return; // a recursive type: its fields are listed once
        }
        for (org.apache.avro.Schema.Field f : s.getFields()) {
          String path = prefix.isEmpty() ? f.name() : prefix + "." + f.name();
          out.add(path);
          avroPaths(f.schema(), path, out, seen);
        }
        seen.remove(s.getFullName());
      }
      case UNION -> s.getTypes().forEach(t -> avroPaths(t, prefix, out, seen));
      case ARRAY -> avroPaths(s.getElementType(), prefix + "[]", out, seen);
      case MAP -> avroPaths(s.getValueType(), prefix + "{}", out, seen);
      default -> { }
    }
  }

  private static SourceDocument last(Baseline.BaselineTopic old, SchemaFormat f) {
    List<io.github.eventcontracts.tooling.compat.SchemaVersion> v = old.versions(f);
    return v.get(v.size() - 1).document();
  }

  /** The catalog: descriptions only are a patch; topics' settings and consumer groups a minor release. */
  private static void catalogChange(ContractModel model, Baseline baseline, List<Change> changes) {
    if (baseline.catalog() == null) {
      return;
    }
    var was = baseline.catalog().source().root().deepCopy();
    var now = model.catalog().source().root().deepCopy();
    if (was.equals(now)) {
      return;
    }
    // the review records (accepted breaking changes, lint suppressions) are not part of the contract
    for (var tree : List.of(was, now)) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove(List.of(
          io.github.eventcontracts.model.Catalog.ACCEPTED_BREAKING_CHANGES, "suppressions"));
      tree.path("topics").forEach(t -> {
        if (t.isObject()) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) t).remove("description");
        }
      });
    }
    String file = model.catalog().source().file();
    if (!was.equals(now)) {
      changes.add(new Change(Bump.MINOR, "Catalog (" + file + "): topic settings or consumer groups changed."));
    } else if (!baseline.catalog().source().root().path("topics").equals(model.catalog().source().root().path("topics"))) {
      changes.add(new Change(Bump.PATCH, "Catalog (" + file + "): topic descriptions changed."));
    }
  }

  /** The gate fails: no release can be made until the findings are fixed or accepted. */
  public boolean releasable() {
    return run.compatible();
  }

  public CheckRun run() {
    return run;
  }

  public String lastTag() {
    return lastTag;
  }

  public List<Change> changes() {
    return changes;
  }

  /** The strongest change, or null when the contracts did not change since the last release. */
  public Bump bump() {
    return changes.stream().map(Change::bump).max(Enum::compareTo).orElse(null);
  }

  /** The next version ({@code 2.0.0}); with no contract change, the next patch (for other changes to the artifact). */
  public String nextVersion() {
    int[] v = version(lastTag);
    Bump b = bump() == null ? Bump.PATCH : bump();
    return switch (b) {
      case MAJOR -> (v[0] + 1) + ".0.0";
      case MINOR -> v[0] + "." + (v[1] + 1) + ".0";
      case PATCH -> v[0] + "." + v[1] + "." + (v[2] + 1);
    };
  }

  /** One sentence: the last release, the next version and why. */
  public String summary() {
    Bump b = bump();
    String why = switch (b == null ? Bump.PATCH : b) {
      case MAJOR -> "major: " + count(Bump.MAJOR, "breaking change") + " accepted in the catalog";
      case MINOR -> "minor: new events, fields or compatible changes";
      case PATCH -> b == null ? "patch: the contracts did not change, so only if the artifact's code did"
          : "patch: descriptions only";
    };
    return "release-plan: last release " + lastTag + "; next version " + nextVersion() + " (" + why + ")";
  }

  private String count(Bump b, String what) {
    long n = changes.stream().filter(c -> c.bump() == b).count();
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** The changelog section, in Markdown: a heading with the version, then the changes under their kind. */
  public String changelog() {
    StringBuilder out = new StringBuilder("## ").append(nextVersion()).append("\n\nChanges to the contracts since ")
        .append(lastTag).append(".\n");
    if (changes.isEmpty()) {
      out.append("\nNo change to the schemas or the catalog.\n");
    }
    for (Bump b : new Bump[] {Bump.MAJOR, Bump.MINOR, Bump.PATCH}) {
      List<Change> of = changes.stream().filter(c -> c.bump() == b).toList();
      if (!of.isEmpty()) {
        out.append("\n### ").append(b.heading).append("\n\n");
        of.forEach(c -> out.append("- ").append(c.text()).append('\n'));
      }
    }
    return out.toString();
  }

  private static int[] version(String tag) {
    Matcher m = TAG.matcher(tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
