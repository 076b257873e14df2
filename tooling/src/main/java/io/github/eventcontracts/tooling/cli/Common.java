package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaSource;
import io.github.eventcontracts.tooling.compat.CompatibilityCheck;
import io.github.eventcontracts.tooling.compat.json.JsonCompatPolicy;
import io.github.eventcontracts.tooling.report.OutputFormat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options and helpers shared by the commands. */
final class Common {
  private Common() {}

  /** --format, for commands that print findings. */
  static final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
        description = "text (file:line:col: RULE_ID message), json (one object per line) or github-actions "
            + "(annotations on the pull request). Default: ${DEFAULT-VALUE}.",
        converter = FormatConverter.class)
    OutputFormat format;
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return OutputFormat.fromFlag(value);
    }
  }

  /** --policy, for commands that judge JSON Schema compatibility. */
  static final class PolicyOption {
    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "strict", converter = PolicyConverter.class,
        description = "JSON Schema rules: strict (Confluent's default) or lenient. Default: ${DEFAULT-VALUE}.")
    JsonCompatPolicy policy;
  }

  static final class PolicyConverter implements picocli.CommandLine.ITypeConverter<JsonCompatPolicy> {
    @Override
    public JsonCompatPolicy convert(String value) {
      try {
        return JsonCompatPolicy.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("unknown policy '" + value + "': use strict or lenient");
      }
    }
  }

  /** --repo and --schemas, for commands that read the work tree. */
  static final class RepoOptions {
    @Option(names = "--repo", paramLabel = "DIR",
        description = "The repository root. Default: the nearest folder upwards that has schemas/catalog.yaml.")
    Path repo;

    @Option(names = "--schemas", paramLabel = "DIR", defaultValue = "schemas",
        description = "The schemas folder, relative to the repository root. Default: ${DEFAULT-VALUE}.")
    String schemas;

    Path root() {
      if (repo != null) {
        return repo.toAbsolutePath().normalize();
      }
      Path dir = Path.of("").toAbsolutePath();
      for (Path p = dir; p != null; p = p.getParent()) {
        if (Files.isRegularFile(p.resolve(schemas).resolve(ContractModel.CATALOG_FILE))) {
          return p;
        }
      }
      return dir;
    }

    ContractModel load() {
      Path root = root();
      if (!Files.isRegularFile(root.resolve(schemas).resolve(ContractModel.CATALOG_FILE))) {
        throw new ContractException(new Finding("CATALOG_MISSING", schemas + "/" + ContractModel.CATALOG_FILE, 0, 0, "",
            "no " + schemas + "/" + ContractModel.CATALOG_FILE + " in " + root + (repo == null ? " or any folder above it" : ""),
            "run inside a contracts repository, or pass --repo DIR (and --schemas DIR when the folder is not 'schemas')"));
      }
      return ContractModel.load(SchemaSource.directory(root.resolve(schemas), schemas));
    }

    /**
     * The work tree's contracts; outside a contracts repository (and without --repo), the contracts built
     * into this tool, so that produce and consume also run from the jar alone.
     */
    ContractModel loadOrBundled() {
      if (repo == null && !Files.isRegularFile(root().resolve(schemas).resolve(ContractModel.CATALOG_FILE))) {
        return ContractModel.bundled();
      }
      return load();
    }
  }

  static CompatibilityCheck check(JsonCompatPolicy policy) {
    return CompatibilityCheck.standard(policy);
  }

  /**
   * The input could not be judged (invalid or unreadable schema): prints its problems in the chosen format,
   * so that a pull request gets annotations at the broken lines too, and returns exit code 1.
   */
  static int invalid(ContractException e, OutputFormat format, PrintWriter out, PrintWriter err) {
    if (format == OutputFormat.TEXT) {
      e.findings().forEach(f -> err.println("contracts: " + f));
    } else {
      format.print(e.findings(), out);
    }
    err.println("could not judge: " + e.findings().size() + (e.findings().size() == 1 ? " problem" : " problems")
        + " in the input (exit 1)");
    return Main.BROKEN;
  }

  /** Prints findings and a summary line (to stderr for machine formats) and returns the exit code. */
  static int report(List<Finding> findings, OutputFormat format, PrintWriter out, PrintWriter err, String clean,
      String summary) {
    format.print(findings, out);
    PrintWriter summaryTo = format == OutputFormat.TEXT ? out : err;
    if (findings.isEmpty()) {
      summaryTo.println(clean);
      return Main.OK;
    }
    summaryTo.println(findings.size() + (findings.size() == 1 ? " finding" : " findings") + ": " + summary);
    return Main.FINDINGS;
  }
}
