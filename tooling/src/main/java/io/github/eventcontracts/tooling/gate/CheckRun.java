package io.github.eventcontracts.tooling.gate;

import io.github.eventcontracts.model.Catalog;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.tooling.compat.CompatibilityCheck;
import io.github.eventcontracts.tooling.compat.json.JsonCompatPolicy;
import io.github.eventcontracts.tooling.registry.SubjectNaming;
import io.github.eventcontracts.tooling.report.Accepted;
import io.github.eventcontracts.tooling.report.OutputFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the gate as {@code contracts check} and the Maven plugin's {@code check} goal report it: the work
 * tree's contracts against a baseline, the verdict, and the lines that summarise it. Both front ends print the
 * same findings, accepted changes, notes and summary from here.
 */
public record CheckRun(ContractModel model, Baseline baseline, SubjectNaming naming, Gate.Result result) {

  public static CheckRun of(ContractModel model, Baseline baseline, SubjectNaming naming, JsonCompatPolicy policy) {
    return new CheckRun(model, baseline, naming, new Gate(CompatibilityCheck.standard(policy)).evaluate(model, baseline));
  }

  public boolean compatible() {
    return result.findings().isEmpty();
  }

  /** The baseline's notes, then the gate's: what could not be used or does not apply, for the user. */
  public List<String> notes() {
    List<String> out = new ArrayList<>(baseline.notes());
    out.addAll(result.notes());
    return out;
  }

  /** The topics of the work tree that the baseline does not have: their subjects pass as new. */
  public List<String> newTopics() {
    return model.events().stream().map(EventContract::topic).map(Topic::name)
        .filter(t -> !baseline.topics().containsKey(t)).toList();
  }

  /** "check: compatible with BASELINE (N subjects, M earlier versions)[; K breaking changes accepted in ...]" */
  public String compatibleLine() {
    int earlier = baseline.topics().values().stream()
        .mapToInt(t -> t.versions().values().stream().mapToInt(List::size).sum()).sum();
    List<String> fresh = newTopics();
    return "check: compatible with " + baseline.description() + " (" + model.events().size() * 2 + " subjects, "
        + earlier + " earlier versions" + (fresh.isEmpty() ? "" : "; new, nothing to be compatible with: "
        + String.join(", ", fresh)) + ")" + acceptedNote();
  }

  /**
   * What breaks: the registry subject of each schema with findings ({@code skill.created-value}), and
   * {@code topic NAME} for a topic whose catalog entry breaks (removed, renamed, level lowered).
   */
  public List<String> brokenSubjects() {
    List<String> out = new ArrayList<>();
    result.broken().forEach((name, formats) -> {
      java.util.Optional<Topic> topic = model.catalog().topic(name);
      if (formats.isEmpty() || topic.isEmpty()) {
        out.add("topic " + name);
      } else {
        formats.forEach(f -> out.add(naming.subject(topic.get(), f)));
      }
    });
    return out;
  }

  /** "breaking changes against BASELINE in SUBJECTS[; K breaking changes accepted in ...]" */
  public String summary() {
    List<String> subjects = brokenSubjects();
    return "breaking changes against " + baseline.description()
        + (subjects.isEmpty() ? "" : " in " + String.join(", ", subjects)) + acceptedNote();
  }

  /** "N findings: " and the {@link #summary()}. */
  public String breakingLine() {
    int n = result.findings().size();
    return n + (n == 1 ? " finding" : " findings") + ": " + summary();
  }

  private String acceptedNote() {
    List<Accepted> accepted = result.accepted();
    return accepted.isEmpty() ? ""
        : "; " + accepted.size() + " breaking " + (accepted.size() == 1 ? "change" : "changes")
            + " accepted in " + model.catalog().source().file() + " (" + Catalog.ACCEPTED_BREAKING_CHANGES + ")";
  }

  /** The accepted changes and then the findings, in the given format, one per line. */
  public void printFindings(OutputFormat format, PrintWriter out) {
    format.printAccepted(result.accepted(), out);
    format.print(result.findings(), out);
  }
}
