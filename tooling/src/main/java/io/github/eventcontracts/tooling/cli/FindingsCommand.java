package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.model.ContractException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * A command that prints findings in the --format of the user's choice, and prints input it cannot judge
 * (an invalid or unreadable schema) in that format too, with exit code 1.
 */
abstract class FindingsCommand implements Callable<Integer> {
  @Mixin
  Common.FormatOption format = new Common.FormatOption();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public final Integer call() {
    try {
      return judge();
    } catch (ContractException e) {
      return Common.invalid(e, format.format, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  /** Does the work; returns 0 (clean) or 100 (findings). */
  abstract int judge();
}
