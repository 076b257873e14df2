package io.github.eventcontracts.tooling.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code contracts}: the command line over the contracts tooling. Exit codes for every command: 0 clean
 * or compatible, 100 findings, 1 the tool could not judge (bad input, unreadable baseline, bad arguments).
 */
@Command(name = "contracts", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Lint, compatibility gate, registration, topic provisioning, generated docs and a console "
        + "producer and consumer for the event contracts.",
    subcommands = {LintCommand.class, CheckCommand.class, CompatCommand.class, RegisterCommand.class,
        TopicsCommand.class, DocsCommand.class, ProduceCommand.class, ConsumeCommand.class, ReleasePlanCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 clean/compatible, 100 findings, 1 the tool could not judge "
        + "(invalid schema, unreadable baseline, bad arguments)."})
public final class Main implements Runnable {
  /** {@code --version}: the artifact's version as the build wrote it into this jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"event-contracts " + io.github.eventcontracts.tooling.docs.Docs.artifactVersion()};
    }
  }

  public static final int OK = 0;
  public static final int FINDINGS = 100;
  public static final int BROKEN = 1;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: lint, check, compat, register, topics, docs, produce, consume, release-plan (see --help)");
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (used by tests, which must not exit the JVM). */
  public static int run(String... args) {
    return run(null, null, args);
  }

  /** Runs a command line with its output and errors sent to the given writers (null: the console). */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    if (out != null) {
      cl.setOut(out);
    }
    if (err != null) {
      cl.setErr(err);
    }
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("contracts: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return BROKEN;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      c.getErr().println("contracts: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
      if (System.getenv("CONTRACTS_DEBUG") != null) {
        ex.printStackTrace(c.getErr());
      }
      return BROKEN;
    });
    return cl.execute(args);
  }
}
