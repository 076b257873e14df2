package io.github.eventcontracts.model;

import java.util.List;
import java.util.stream.Collectors;

/** The contracts could not be loaded; every problem found is listed, each with file, line and fix. */
public class ContractException extends RuntimeException {
  private final List<Finding> findings;

  public ContractException(List<Finding> findings) {
    super(findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
    this.findings = List.copyOf(findings);
  }

  public ContractException(Finding finding) {
    this(List.of(finding));
  }

  public List<Finding> findings() {
    return findings;
  }
}
