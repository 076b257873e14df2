package io.github.eventcontracts.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaSource;
import io.github.eventcontracts.tooling.lint.LintRule;
import io.github.eventcontracts.tooling.lint.Linter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven lint cases: compat-tests/lint/cases.json. */
class LintCasesTest {
  @TempDir
  Path tmp;

  static List<Object[]> cases() {
    return Repo.rows("lint");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsExactlyTheExpectedRules(String name, JsonNode row) throws Exception {
    Path schemas = tmp.resolve("schemas");
    Repo.copy(Repo.root().resolve("schemas"), schemas);
    for (JsonNode edit : row.path("edits")) {
      apply(schemas.resolve(edit.get("file").asText()), edit);
    }
    ContractModel model = ContractModel.load(SchemaSource.directory(schemas, "schemas"));
    List<Finding> findings = Linter.standard().run(model).findings();
    List<String> actual = findings.stream().map(Finding::ruleId).sorted().toList();
    List<String> expected = Repo.MAPPER.convertValue(row.get("expected"), List.class);
    assertEquals(expected.stream().sorted().toList(), actual,
        () -> findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
    for (Finding f : findings) {
      assertTrue(f.line() > 0 && f.file().startsWith("schemas/"), "unlocated finding " + f);
    }
  }

  @Test
  void everyRuleHasAFailingAndAPassingCase() {
    Set<String> failing = new TreeSet<>();
    Set<String> passing = new TreeSet<>();
    for (Object[] c : cases()) {
      JsonNode row = (JsonNode) c[1];
      (row.get("expected").isEmpty() ? passing : failing).add(row.get("rule").asText());
    }
    for (LintRule r : Linter.standard().rules()) {
      assertTrue(failing.contains(r.id()), "no failing case for " + r.id());
      assertTrue(passing.contains(r.id()), "no passing case for " + r.id());
    }
    assertTrue(failing.contains(Linter.UNUSED_SUPPRESSION) && passing.contains(Linter.UNUSED_SUPPRESSION));
  }

  private static void apply(Path file, JsonNode edit) throws Exception {
    boolean yaml = file.toString().endsWith(".yaml");
    JsonNode root = yaml ? new YAMLMapper().readTree(file.toFile()) : Repo.MAPPER.readTree(file.toFile());
    JsonPointer ptr = JsonPointer.compile(edit.get("pointer").asText());
    JsonNode parent = root.at(ptr.head());
    String last = ptr.last().getMatchingProperty();
    switch (edit.get("op").asText()) {
      case "set" -> {
        if (parent.isArray()) {
          int i = Integer.parseInt(last);
          if (i == parent.size()) {
            ((ArrayNode) parent).add(edit.get("value"));
          } else {
            ((ArrayNode) parent).set(i, edit.get("value"));
          }
        } else if (parent.isObject()) {
          ((ObjectNode) parent).set(last, edit.get("value"));
        } else if (parent.isNull() || parent.isMissingNode()) {
          // e.g. suppressions: [] written as null in YAML
          JsonNode holder = root.at(ptr.head().head());
          ((ObjectNode) holder).putArray(ptr.head().last().getMatchingProperty()).add(edit.get("value"));
        }
      }
      case "remove" -> {
        if (parent.isArray()) {
          ((ArrayNode) parent).remove(Integer.parseInt(last));
        } else {
          ((ObjectNode) parent).remove(last);
        }
      }
      case "rename" -> {
        ObjectNode o = (ObjectNode) parent;
        ObjectNode renamed = Repo.MAPPER.createObjectNode();
        o.properties().forEach(e -> renamed.set(e.getKey().equals(last) ? edit.get("to").asText() : e.getKey(), e.getValue()));
        o.removeAll();
        o.setAll(renamed);
      }
      default -> throw new IllegalArgumentException("unknown op " + edit.get("op"));
    }
    Files.writeString(file, Repo.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }
}
