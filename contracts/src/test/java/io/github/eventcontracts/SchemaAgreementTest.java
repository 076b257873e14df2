package io.github.eventcontracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaAgreement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Avro schema and the JSON Schema of every event say the same thing; the build fails when not. */
class SchemaAgreementTest {

  @Test
  void everyEventsTwoSchemasAgree() {
    List<Finding> findings = SchemaAgreement.check(ContractModel.load(RepoFiles.schemas()));
    assertEquals(List.of(), findings, () -> "the Avro and JSON Schema of an event disagree:\n"
        + String.join("\n", findings.stream().map(Finding::toString).toList()));
  }

  @Test
  void aDisagreementNamesBothFilesAndTheField() {
    // fixtures/disagree: category is optional in Avro but required in JSON, tests_failed is long vs string,
    // and a status symbol is missing in JSON.
    List<Finding> findings = SchemaAgreement.check(ContractModel.load(
        RepoFiles.root().resolve("contracts/src/test/resources/fixtures/disagree")));
    String all = String.join("\n", findings.stream().map(Finding::toString).toList());
    assertEquals(3, findings.size(), all);
    assertTrue(all.contains("schemas/avro/skill.created.avsc:") && all.contains("schemas/json/skill.created.json:")
        && all.contains("(at data.category)"), all);
    assertTrue(all.contains("(at data.tests_failed)") && all.contains("schemas/json/validation.completed.json:"), all);
    assertTrue(all.contains("enum symbols differ"), all);
    for (Finding f : findings) {
      assertEquals(SchemaAgreement.RULE, f.ruleId());
      assertTrue(f.line() > 1, "no line for " + f);
    }
  }
}
