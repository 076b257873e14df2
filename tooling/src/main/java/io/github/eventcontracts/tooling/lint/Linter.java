package io.github.eventcontracts.tooling.lint;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.Suppression;
import java.util.ArrayList;
import java.util.List;

/** Runs every lint rule and applies the catalog's suppressions, which are reported, never silent. */
public final class Linter {
  public static final String UNUSED_SUPPRESSION = "UNUSED_SUPPRESSION";

  /**
   * @param findings   what is left after suppressions (including unused suppressions)
   * @param suppressed findings silenced by a suppression, with the suppression that silenced each
   */
  public record Result(List<Finding> findings, List<Suppressed> suppressed) {}

  public record Suppressed(Finding finding, Suppression by) {}

  private final List<LintRule> rules;

  public Linter(List<LintRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static Linter standard() {
    return new Linter(Rules.all());
  }

  public List<LintRule> rules() {
    return rules;
  }

  public Result run(ContractModel model) {
    List<Finding> kept = new ArrayList<>();
    List<Suppressed> suppressed = new ArrayList<>();
    List<Suppression> used = new ArrayList<>();
    for (LintRule rule : rules) {
      for (Finding f : rule.check(model)) {
        Suppression by = model.catalog().suppressions().stream().filter(s -> s.matches(f)).findFirst().orElse(null);
        if (by == null) {
          kept.add(f);
        } else {
          suppressed.add(new Suppressed(f, by));
          used.add(by);
        }
      }
    }
    List<Suppression> all = model.catalog().suppressions();
    for (int i = 0; i < all.size(); i++) {
      Suppression s = all.get(i);
      if (!used.contains(s)) {
        kept.add(Finding.at(UNUSED_SUPPRESSION, model.catalog().source(), "/suppressions/" + i, "suppressions[" + i + "]",
            "the suppression of " + s.rule() + " in " + s.file() + (s.path().isEmpty() ? "" : " at " + s.path())
                + " matches no finding", "delete it"));
      }
    }
    return new Result(kept, suppressed);
  }
}
