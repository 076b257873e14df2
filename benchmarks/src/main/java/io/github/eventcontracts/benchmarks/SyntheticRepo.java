package io.github.eventcontracts.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A temporary git repository with {@code topics} topics (two subjects each: Avro and JSON Schema) and
 * {@code versions} commits, each adding one optional field to every schema: every version is compatible
 * with all earlier ones, so a transitive check compares every pair and reports nothing.
 */
final class SyntheticRepo {
  private SyntheticRepo() {}

  /** {@code java -cp benchmarks/target/benchmarks.jar ...SyntheticRepo TOPICS VERSIONS}: prints the folder. */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SyntheticRepo TOPICS VERSIONS   (creates a git repository, prints its path)");
      System.exit(1);
    }
    System.out.println(create(Integer.parseInt(args[0]), Integer.parseInt(args[1])));
  }

  static Path create(int topics, int versions) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("contracts-bench-");
    Path schemas = dir.resolve("schemas");
    Files.createDirectories(schemas.resolve("avro"));
    Files.createDirectories(schemas.resolve("json"));
    StringBuilder catalog = new StringBuilder("defaults:\n  partitions: 3\n  replication_factor: 3\n"
        + "  compatibility: {avro: FULL_TRANSITIVE, json: BACKWARD_TRANSITIVE}\ntopics:\n");
    for (int t = 0; t < topics; t++) {
      String name = String.format(Locale.ROOT, "bench%03d.created", t);
      catalog.append("  ").append(name).append(":\n    event: ").append(name).append("\n    key: id\n")
          .append("    retention: 7d\n    schemas: {avro: avro/").append(name).append(".avsc, json: json/")
          .append(name).append(".json}\n");
    }
    Files.writeString(schemas.resolve("catalog.yaml"), catalog.toString());
    git(dir, "init", "-q", "-b", "main");
    for (int v = 1; v <= versions; v++) {
      for (int t = 0; t < topics; t++) {
        String name = String.format(Locale.ROOT, "bench%03d.created", t);
        Files.writeString(schemas.resolve("avro/" + name + ".avsc"), avro(t, v), StandardCharsets.UTF_8);
        Files.writeString(schemas.resolve("json/" + name + ".json"), json(name, v), StandardCharsets.UTF_8);
      }
      git(dir, "add", "-A");
      git(dir, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "v" + v);
    }
    return dir;
  }

  private static String avro(int topic, int version) {
    List<String> fields = new ArrayList<>();
    fields.add("{\"name\": \"id\", \"type\": \"string\", \"doc\": \"Key.\"}");
    for (int i = 2; i <= version; i++) {
      fields.add("{\"name\": \"f" + i + "\", \"type\": [\"null\", \"string\"], \"default\": null, \"doc\": \"Added in v" + i + ".\"}");
    }
    return "{\n  \"type\": \"record\", \"name\": \"Bench" + topic + "\", \"namespace\": \"bench\", \"doc\": \"Bench.\",\n"
        + "  \"fields\": [\n    " + String.join(",\n    ", fields) + "\n  ]\n}\n";
  }

  private static String json(String name, int version) {
    List<String> props = new ArrayList<>();
    props.add("\"id\": {\"type\": \"string\", \"description\": \"Key.\"}");
    for (int i = 2; i <= version; i++) {
      props.add("\"f" + i + "\": {\"type\": \"string\", \"description\": \"Added in v" + i + ".\"}");
    }
    return "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"title\": \"" + name + "\",\n"
        + "  \"type\": \"object\", \"additionalProperties\": false, \"required\": [\"id\"],\n  \"properties\": {\n    "
        + String.join(",\n    ", props) + "\n  }\n}\n";
  }

  static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(cmd + " failed: " + out);
    }
  }
}
