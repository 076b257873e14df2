package io.github.eventcontracts.tooling.lint;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Finding;
import java.util.List;

/** One lint rule: a stable id, what it asks for, and the check. */
public interface LintRule {
  /** Stable UPPER_SNAKE id, used in findings and in catalog suppressions. */
  String id();

  /** What the rule asks for, one sentence (shown by {@code lint --rules} and in docs/gate.md, Lint rules). */
  String description();

  List<Finding> check(ContractModel model);
}
