package io.github.eventcontracts.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JMH result file ({@code -rf json}) and prints, per benchmark, the median of its rounds (iterations)
 * and their spread, then the ratios this project's targets are stated in, each taken from medians of the same
 * run: {@code benchmarks/run} calls it after every run.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.eventcontracts.benchmarks.Summary results.json</pre>
 */
public final class Summary {
  private Summary() {}

  /** A ratio: {@code ours} against {@code reference}, for a throughput (ops/s) or a time per operation. */
  private record Ratio(String ours, String reference, String target) {}

  private static final List<Ratio> RATIOS = List.of(
      new Ratio("SerdeBenchmark.jsonOurs", "SerdeBenchmark.jsonPlainJackson", ">= 0.40x (aim 0.5x)"),
      new Ratio("SerdeBenchmark.avroOurs", "SerdeBenchmark.avroRawLimit", ">= 0.85x"),
      new Ratio("SerdeBenchmark.avroOurs", "SerdeBenchmark.avroApicurio", ""),
      new Ratio("EndToEndBenchmark.produceAndConsume[avroSerdes]", "EndToEndBenchmark.produceAndConsume[avroBytes]",
          ">= 0.8x"),
      new Ratio("EndToEndBenchmark.produceAndConsume[jsonSerdes]", "EndToEndBenchmark.produceAndConsume[jsonBytes]",
          ">= 0.8x"));

  record Result(String name, String unit, boolean timePerOp, double median, double min, double max, double p25,
      double p75, int rounds) {}

  public static void main(String[] args) throws IOException {
    Map<String, Result> results = read(new File(args[0]));
    System.out.println();
    System.out.println("Median of each benchmark's rounds (all forks), and their spread:");
    System.out.printf(Locale.ROOT, "%-52s %14s %14s %14s %7s %6s %s%n", "benchmark", "median", "min", "max",
        "IQR %", "rounds", "unit");
    for (Result r : results.values()) {
      System.out.printf(Locale.ROOT, "%-52s %14.1f %14.1f %14.1f %6.1f%% %6d %s%n", r.name(), r.median(), r.min(),
          r.max(), 100 * (r.p75() - r.p25()) / r.median(), r.rounds(), r.unit());
    }
    boolean header = false;
    for (Ratio ratio : RATIOS) {
      Result ours = results.get(ratio.ours());
      Result ref = results.get(ratio.reference());
      if (ours == null || ref == null) {
        continue;
      }
      if (!header) {
        System.out.println();
        System.out.println("Ratios of medians, same run (throughput of ours / throughput of the reference):");
        header = true;
      }
      double x = ours.timePerOp() ? ref.median() / ours.median() : ours.median() / ref.median();
      System.out.printf(Locale.ROOT, "%-52s vs %-50s %6.2fx %s%n", ratio.ours(), ratio.reference(), x,
          ratio.target().isEmpty() ? "" : "(target " + ratio.target() + ")");
    }
  }

  static Map<String, Result> read(File file) throws IOException {
    Map<String, Result> out = new LinkedHashMap<>();
    for (JsonNode b : new ObjectMapper().readTree(file)) {
      String name = b.get("benchmark").asText().replaceFirst("^.*\\.benchmarks\\.", "");
      if (b.has("params")) {
        List<String> params = new ArrayList<>();
        b.get("params").fields().forEachRemaining(e -> params.add(e.getValue().asText()));
        name += "[" + String.join(",", params) + "]";
      }
      List<Double> values = new ArrayList<>();
      for (JsonNode fork : b.get("primaryMetric").get("rawData")) {
        fork.forEach(v -> values.add(v.asDouble()));
      }
      values.sort(Double::compare);
      String mode = b.get("mode").asText();
      out.put(name, new Result(name, b.get("primaryMetric").get("scoreUnit").asText(),
          !mode.equals("thrpt"), quantile(values, 0.5), values.get(0), values.get(values.size() - 1),
          quantile(values, 0.25), quantile(values, 0.75), values.size()));
    }
    return out;
  }

  /** The q-quantile of sorted values, interpolated between the two nearest. */
  static double quantile(List<Double> sorted, double q) {
    double at = q * (sorted.size() - 1);
    int lo = (int) Math.floor(at);
    int hi = (int) Math.ceil(at);
    return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (at - lo);
  }
}
