package io.github.eventcontracts.tooling.gate;

import io.github.eventcontracts.model.AcceptedChange;
import io.github.eventcontracts.model.Catalog;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.Position;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.tooling.compat.CompatibilityCheck;
import io.github.eventcontracts.tooling.compat.CompatibilityCheck.Judged;
import io.github.eventcontracts.tooling.compat.SchemaVersion;
import io.github.eventcontracts.tooling.report.Accepted;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the catalog's {@code accepted_breaking_changes} to the findings of the gate and of registration.
 * An entry accepts a finding when rule, topic, format and (if given) path match, and the finding was made
 * against the version the entry names by fingerprint or an earlier one. Findings against a later version,
 * i.e. any break after the accepted change was released, stay findings. An entry that accepts nothing is a
 * finding itself ({@link #UNUSED}), so that none lingers unnoticed.
 */
public final class Acceptance {
  public static final String UNUSED = "UNUSED_ACCEPTED_CHANGE";

  /** One subject's findings after acceptance: what still breaks, and what was accepted. */
  public record Split(List<Finding> findings, List<Accepted> accepted) {}

  private final Catalog catalog;
  private final Set<AcceptedChange> used = new LinkedHashSet<>();
  private final Set<AcceptedChange> applicable = new LinkedHashSet<>();

  public Acceptance(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Splits the findings of one subject; both lists are merged to one finding per root cause. */
  public Split apply(String topic, SchemaFormat format, List<SchemaVersion> previous, List<Judged> judged,
      String currentFile) {
    for (AcceptedChange a : catalog.acceptedChanges()) {
      if (a.topic().equals(topic) && a.format() == format && lastIndexOf(previous, format, a.against()) >= 0) {
        applicable.add(a);
      }
    }
    List<Judged> kept = new ArrayList<>();
    List<Judged> accepted = new ArrayList<>();
    List<AcceptedChange> by = new ArrayList<>();
    for (Judged j : judged) {
      AcceptedChange entry = entryFor(topic, format, previous, j);
      if (entry == null) {
        kept.add(j);
      } else {
        accepted.add(j);
        by.add(entry);
        used.add(entry);
      }
    }
    List<Accepted> out = new ArrayList<>();
    for (Finding f : CompatibilityCheck.merge(accepted, currentFile)) {
      // merged findings keep the first (newest-version) finding's rule and path: find its entry again
      AcceptedChange entry = by.get(indexOf(accepted, f));
      out.add(new Accepted(f, where(entry), entry.reason()));
    }
    List<Finding> breaking = new ArrayList<>();
    for (Finding f : CompatibilityCheck.merge(kept, currentFile)) {
      SchemaVersion newest = previous.get(kept.get(indexOf(kept, f)).version());
      String how = howToAccept(topic, format, f, newest);
      breaking.add(new Finding(f.ruleId(), f.file(), f.line(), f.column(), f.path(), f.message(),
          f.hint().isEmpty() ? how : f.hint() + "; " + how));
    }
    return new Split(breaking, out);
  }

  private static int indexOf(List<Judged> judged, Finding merged) {
    for (int i = 0; i < judged.size(); i++) {
      Finding f = judged.get(i).finding();
      if (f.ruleId().equals(merged.ruleId()) && f.path().equals(merged.path()) && merged.message().startsWith(f.message())) {
        return i;
      }
    }
    throw new IllegalStateException("merged finding without its origin: " + merged);
  }

  private AcceptedChange entryFor(String topic, SchemaFormat format, List<SchemaVersion> previous, Judged j) {
    for (AcceptedChange a : catalog.acceptedChanges()) {
      if (a.matches(topic, format, j.finding()) && j.version() <= lastIndexOf(previous, format, a.against())) {
        return a;
      }
    }
    return null;
  }

  /** The index of the newest earlier version with this fingerprint, or -1 when none has it. */
  private static int lastIndexOf(List<SchemaVersion> previous, SchemaFormat format, String fingerprint) {
    for (int i = previous.size() - 1; i >= 0; i--) {
      if (AcceptedChange.fingerprint(format, previous.get(i).document()).equals(fingerprint)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Every entry that applies to the baseline (it holds the version the entry names) and accepted nothing, as
   * findings at the entry: the break it was written for is gone, or its rule or path is wrong.
   */
  public List<Finding> unused(String baselineDescription) {
    List<Finding> out = new ArrayList<>();
    for (AcceptedChange a : catalog.acceptedChanges()) {
      if (applicable.contains(a) && !used.contains(a)) {
        out.add(Finding.at(UNUSED, catalog.source(), a.pointer(), Catalog.ACCEPTED_BREAKING_CHANGES + "[" + a.index() + "]",
            "the accepted breaking change " + a.rule() + " of " + a.topic() + " " + a.format().key()
                + (a.path().isEmpty() ? "" : " at " + a.path()) + " against " + a.against() + " matches no finding against "
                + baselineDescription + ", which holds that version",
            "delete the entry; if the finding is still reported, copy its rule, path and 'against' exactly"));
      }
    }
    return out;
  }

  /**
   * Entries that do not apply to this baseline, because it does not hold the version they name (a fresh
   * registry, a repository without that history): a note each. They accept nothing here, so they cannot let
   * anything through; a mistyped fingerprint leaves its finding standing.
   */
  public List<String> notApplicable(String baselineDescription) {
    List<String> out = new ArrayList<>();
    for (AcceptedChange a : catalog.acceptedChanges()) {
      if (!applicable.contains(a)) {
        out.add(where(a) + ": the accepted breaking change " + a.rule() + " of " + a.topic() + " " + a.format().key()
            + " does not apply to " + baselineDescription + ": it holds no version " + a.against());
      }
    }
    return out;
  }

  /** Where an entry is, as {@code file:line}. */
  public String where(AcceptedChange a) {
    Position p = catalog.source().position(a.pointer());
    return catalog.source().file() + ":" + p.line();
  }

  /**
   * The hint a breaking finding carries so that a reviewer who decides to accept it knows what to write:
   * the entry for the catalog, with the fingerprint of the newest version it breaks.
   */
  public static String howToAccept(String topic, SchemaFormat format, Finding f, SchemaVersion newestBroken) {
    return "or, if readers are known not to be broken, accept it in catalog.yaml under "
        + Catalog.ACCEPTED_BREAKING_CHANGES + ": {rule: " + f.ruleId() + ", topic: " + topic + ", format: " + format.key()
        + (f.path().isEmpty() ? "" : ", path: " + f.path()) + ", against: '"
        + AcceptedChange.fingerprint(format, newestBroken.document()) + "', reason: ...}";
  }
}
