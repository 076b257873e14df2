package io.github.eventcontracts.tooling.docs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The documentation generated from the contract model: {@code docs/reference/kafka-topics.md} (the platform's Kafka
 * Topics page) and {@code docs/reference/asyncapi.yaml} (AsyncAPI 3.0.0). Deterministic: the same contracts and artifact
 * version give the same bytes, so the committed files can be checked for staleness like generated-sources/.
 */
public final class Docs {
  public static final String PAGE = "docs/reference/kafka-topics.md";
  public static final String ASYNCAPI = "docs/reference/asyncapi.yaml";
  public static final String REFRESH = "scripts/contracts docs";

  private Docs() {}

  /** The files, by path relative to the repository root, in a fixed order. */
  public static Map<String, String> generate(ContractModel model, String version) {
    ExampleEvents generator = new ExampleEvents();
    Map<String, ObjectNode> examples = new LinkedHashMap<>();
    for (EventContract e : model.events()) {
      examples.put(e.eventType(), generator.example(e));
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put(PAGE, KafkaTopicsPage.render(model, examples, version));
    files.put(ASYNCAPI, AsyncApiDocument.render(model, examples, version));
    return files;
  }

  /** Each generated file that is missing or differs under {@code root}, as "stale: docs/reference/…" or "missing: docs/reference/…". */
  public static List<String> stale(Path root, Map<String, String> generated) {
    List<String> out = new ArrayList<>();
    differing(root, generated).forEach((path, problem) -> out.add(problem));
    return out;
  }

  /** Writes the files that differ; returns the paths written. */
  public static List<String> write(Path root, Map<String, String> generated) {
    List<String> written = new ArrayList<>();
    for (String path : differing(root, generated).keySet()) {
      Path p = root.resolve(path);
      try {
        Files.createDirectories(p.getParent());
        Files.writeString(p, generated.get(path), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
      }
      written.add(path);
    }
    return written;
  }

  /** The generated files that are missing or differ under {@code root}: path to what is wrong with it. */
  private static Map<String, String> differing(Path root, Map<String, String> generated) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    generated.forEach((path, text) -> {
      Path p = root.resolve(path);
      try {
        if (!Files.isRegularFile(p)) {
          out.put(path, "missing: " + path);
        } else if (!Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n").equals(text)) {
          out.put(path, "stale:   " + path);
        }
      } catch (IOException e) {
        out.put(path, "unreadable: " + path + " (" + e.getMessage() + ")");
      }
    });
    return out;
  }

  /** The message for stale files: which, and the command that refreshes them. */
  public static String staleMessage(List<String> problems) {
    return "the generated documentation does not match the contracts:\n  " + String.join("\n  ", problems)
        + "\nrun: " + REFRESH + "   (then commit docs/reference/; see docs/docs-generation.md)";
  }

  /** The artifact's version, as the build wrote it into this jar. */
  public static String artifactVersion() {
    try (InputStream in = Docs.class.getResourceAsStream("docs.properties")) {
      if (in == null) {
        throw new IllegalStateException("docs.properties is missing from the tooling jar; rebuild it with mvn");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("artifact.version", "");
      if (v.isBlank() || v.contains("${")) {
        throw new IllegalStateException("docs.properties has no artifact version; rebuild the tooling jar with mvn");
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
