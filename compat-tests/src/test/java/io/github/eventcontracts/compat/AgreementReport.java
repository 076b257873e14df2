package io.github.eventcontracts.compat;

import io.github.eventcontracts.model.CompatibilityLevel;
import io.github.eventcontracts.model.Finding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The two judges' verdicts on every pair, tallied per table, grouped by cause, and checked against the allow-list. */
final class AgreementReport {
  /** How the two verdicts on a pair relate. */
  enum Kind {
    AGREE("agree"), GATE_STRICTER("gate stricter"), REGISTRY_STRICTER("registry stricter"),
    CANNOT_JUDGE("registry cannot judge"), NOT_SENT("not sent (LENIENT)");

    final String heading;

    Kind(String heading) {
      this.heading = heading;
    }
  }

  /** One row at one level: the gate's findings (empty = compatible) and the registry's answer (null = not sent). */
  record Pair(String table, String description, CompatibilityLevel level, List<Finding> gate,
      RegistryJudge.Answer registry) {
    Kind kind() {
      if (registry == null) {
        return Kind.NOT_SENT;
      }
      if (!registry.judged()) {
        return Kind.CANNOT_JUDGE;
      }
      if (registry.compatible() == gate.isEmpty()) {
        return Kind.AGREE;
      }
      return gate.isEmpty() ? Kind.REGISTRY_STRICTER : Kind.GATE_STRICTER;
    }

    /** The gate's distinct rule ids, the cause of a gate-stricter pair. */
    String gateRules() {
      return gate.stream().map(f -> "`" + f.ruleId() + "`").collect(Collectors.toCollection(TreeSet::new)).toString()
          .replaceAll("^\\[|\\]$", "");
    }
  }

  private final List<Pair> pairs;
  private final KnownDifferences known;

  AgreementReport(List<Pair> pairs, KnownDifferences known) {
    this.pairs = pairs;
    this.known = known;
  }

  /**
   * Every pair the registry refuses and the gate accepts without an allow-list entry, and every allow-list
   * entry that allows a pair that is not (or no longer) such a disagreement; empty when all is well.
   */
  List<String> problems() {
    List<String> out = new ArrayList<>();
    for (Pair p : of(Kind.REGISTRY_STRICTER)) {
      if (known.find(p.table(), p.description(), p.level()) == null) {
        out.add(p.table() + ": \"" + p.description() + "\" at " + p.level() + ": the registry refuses it ("
            + p.registry().cause() + ") but the gate accepts it: fix the gate, or list the row in "
            + RegistryAgreementIT.KNOWN + " with the reason");
      }
    }
    for (KnownDifferences.Entry e : known.entries()) {
      for (CompatibilityLevel level : e.levels()) {
        boolean disagrees = of(Kind.REGISTRY_STRICTER).stream().anyMatch(p -> p.level() == level
            && p.table().equals(e.table()) && p.description().equals(e.description()));
        if (!disagrees) {
          out.add(RegistryAgreementIT.KNOWN + ": " + e.table() + ": \"" + e.description() + "\" at " + level
              + " is not a pair the registry refuses and the gate accepts (any more): remove it");
        }
      }
    }
    return out;
  }

  /** The agreement table per case file, then the disagreements grouped by cause. */
  String markdown(String registryVersion, double seconds) {
    StringBuilder md = new StringBuilder();
    md.append("Registry: ").append(registryVersion).append("; ").append(pairs.size()).append(" pairs (rows × BACKWARD, ")
        .append("FORWARD, FULL) judged in ").append(String.format(Locale.ROOT, "%.1f", seconds)).append(" s.\n\n");
    md.append("| table | rows | pairs | agree | gate stricter | registry stricter | registry cannot judge | not sent (LENIENT) | agreement of the judged |\n");
    md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    Map<String, List<Pair>> byTable = new LinkedHashMap<>(group(pairs, Pair::table));
    byTable.put("**total**", pairs);
    byTable.forEach((table, ps) -> {
      Map<Kind, Integer> n = new EnumMap<>(Kind.class);
      ps.forEach(p -> n.merge(p.kind(), 1, Integer::sum));
      int judged = n.getOrDefault(Kind.AGREE, 0) + n.getOrDefault(Kind.GATE_STRICTER, 0)
          + n.getOrDefault(Kind.REGISTRY_STRICTER, 0);
      md.append("| ").append(table).append(" | ").append(ps.stream().map(p -> p.table() + p.description()).distinct().count())
          .append(" | ").append(ps.size());
      for (Kind k : Kind.values()) {
        md.append(" | ").append(n.getOrDefault(k, 0));
      }
      md.append(" | ").append(judged == 0 ? "–" : Math.round(100.0 * n.getOrDefault(Kind.AGREE, 0) / judged) + " %")
          .append(" |\n");
    });

    md.append("\n### Gate stricter, by the gate's rule ids\n");
    group(of(Kind.GATE_STRICTER), Pair::gateRules).forEach((rules, ps) -> {
      md.append("\n").append(rules).append(": ").append(ps.size()).append(" pairs\n\n");
      rowsWithLevels(ps).forEach((row, levels) -> md.append("- ").append(row).append(" (").append(levels).append(")\n"));
    });

    md.append("\n### Registry stricter\n\n");
    List<Pair> stricter = of(Kind.REGISTRY_STRICTER);
    if (stricter.isEmpty()) {
      md.append("None.\n");
    }
    for (Pair p : stricter) {
      KnownDifferences.Entry e = known.find(p.table(), p.description(), p.level());
      md.append("- ").append(p.table()).append(": ").append(p.description()).append(" (").append(p.level())
          .append("): ").append(p.registry().cause()).append(" — ")
          .append(e == null ? "NOT IN " + RegistryAgreementIT.KNOWN : "known: " + e.reason()).append("\n");
    }

    md.append("\n### Registry cannot judge, by its answer\n\n| answer | pairs | tables |\n|---|--:|---|\n");
    group(of(Kind.CANNOT_JUDGE), p -> p.registry().cause()).forEach((cause, ps) -> md.append("| ")
        .append(cause.replace("|", "\\|")).append(" | ").append(ps.size()).append(" | ")
        .append(group(ps, Pair::table).entrySet().stream().map(t -> t.getKey() + " (" + t.getValue().size() + ")")
            .collect(Collectors.joining(", "))).append(" |\n"));
    return md.toString();
  }

  private List<Pair> of(Kind kind) {
    return pairs.stream().filter(p -> p.kind() == kind).toList();
  }

  private static Map<String, List<Pair>> group(List<Pair> ps, Function<Pair, String> key) {
    return ps.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
  }

  /** "table: description" → its levels, in the pairs' order. */
  private static Map<String, String> rowsWithLevels(List<Pair> ps) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Pair p : ps) {
      out.merge(p.table() + ": " + p.description(), p.level().name(), (a, b) -> a + ", " + b);
    }
    return out;
  }
}
