package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.model.CompatibilityLevel;
import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.SchemaVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "compat", mixinStandardHelpOptions = true,
    description = {"Compares two schema files and gives one verdict at a compatibility level.",
        "BACKWARD: a consumer using NEW reads data written with OLD. FORWARD: a consumer using OLD reads data "
            + "written with NEW. FULL: both. For *_TRANSITIVE levels pass --old once per earlier version, oldest "
            + "first; the other levels use the last --old only."},
    footer = {"", "Examples:",
        "  contracts compat --old v1.avsc --new v2.avsc --level BACKWARD",
        "  contracts compat --old v1.json --old v2.json --new v3.json --level FULL_TRANSITIVE --format json",
        "", "Exit codes: 0 compatible, 100 incompatible (findings printed), 1 a schema could not be read or parsed, "
        + "or bad arguments."})
final class CompatCommand extends FindingsCommand {
  @Option(names = "--old", required = true, paramLabel = "OLD",
      description = "The earlier schema file. Repeat it for transitive levels, oldest first.")
  List<Path> olds = new ArrayList<>();

  @Option(names = "--new", required = true, paramLabel = "NEW", description = "The proposed schema file.")
  Path current;

  @Option(names = "--level", required = true, paramLabel = "LEVEL",
      description = "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.")
  String level;

  @Option(names = "--type", paramLabel = "TYPE",
      description = "avro or json. Default: from the extension (.avsc Avro, .json JSON Schema).")
  String type;

  @Mixin
  Common.PolicyOption policy = new Common.PolicyOption();

  @Override
  int judge() {
    CompatibilityLevel lvl = parseLevel();
    SchemaFormat f = formatOf();
    List<SchemaVersion> previous = new ArrayList<>();
    for (Path old : olds) {
      previous.add(new SchemaVersion(old.toString(), read(old, f)));
    }
    SourceDocument next = read(current, f);
    List<Finding> findings = Common.check(policy.policy).check(f, lvl, previous, next);
    return Common.report(findings, format.format, spec.commandLine().getOut(), spec.commandLine().getErr(),
        "compatible: " + current + " against " + (olds.size() == 1 ? olds.get(0) : olds.size() + " versions") + " at " + lvl,
        "incompatible at " + lvl);
  }

  private CompatibilityLevel parseLevel() {
    try {
      return CompatibilityLevel.valueOf(level.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "unknown --level '" + level + "': use one of "
          + java.util.Arrays.toString(CompatibilityLevel.values()));
    }
  }

  private SchemaFormat formatOf() {
    if (type != null) {
      try {
        return SchemaFormat.fromKey(type);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "unknown --type '" + type + "': use avro or json");
      }
    }
    SchemaFormat f = typeOf(current);
    for (Path old : olds) {
      SchemaFormat o = typeOf(old);
      if (o != f) {
        throw new ParameterException(spec.commandLine(), "'" + old + "' is " + describe(o) + " but '" + current
            + "' is " + describe(f) + ": compare two schemas of the same type (or pass --type avro|json)");
      }
    }
    return f;
  }

  private SchemaFormat typeOf(Path file) {
    SchemaFormat f = SchemaFormat.fromFileName(file.toString());
    if (f == null) {
      throw new ParameterException(spec.commandLine(), "cannot tell the schema type of '" + file
          + "' from its extension: name it .avsc (Avro) or .json (JSON Schema), or pass --type avro|json");
    }
    return f;
  }

  private static String describe(SchemaFormat f) {
    return f == SchemaFormat.AVRO ? "Avro (.avsc)" : "JSON Schema (.json)";
  }

  /** Reads and parses a schema file; an unreadable or invalid file is a ContractException (exit 1). */
  private static SourceDocument read(Path file, SchemaFormat f) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ContractException(new Finding("FILE_UNREADABLE", file.toString(), 0, 0, "",
          "cannot read the file: " + e.getClass().getSimpleName() + " " + e.getMessage(), "check the path"));
    }
    SourceDocument doc = SourceDocument.parse(file.toString(), text);
    if (f == SchemaFormat.AVRO) {
      ContractModel.parseAvro(doc);
    }
    return doc;
  }
}
