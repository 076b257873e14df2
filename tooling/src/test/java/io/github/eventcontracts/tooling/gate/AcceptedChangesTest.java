package io.github.eventcontracts.tooling.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.model.AcceptedChange;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's accepted_breaking_changes, through the CLI against a temporary git repository: an entry
 * accepts one named finding of one subject against one version (and earlier ones), shown with its reason in
 * every format; it never covers a later break; an entry that matches nothing is a finding; mistakes in an
 * entry are reported at their line.
 */
class AcceptedChangesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TESTS_PASSED_MAX = "\"maximum\": 2147483647,\n          \"examples\": [10],\n          \"description\": \"Number of tests that passed";
  private static final String REASON = "the validation service never reports more than 1000 tests (ticket VAL-7)";

  @TempDir
  Path tmp;

  TestRepo repo;

  @BeforeEach
  void tightenTestsPassed() {
    repo = new TestRepo(tmp);
    repo.edit("json/validation.completed.json", TESTS_PASSED_MAX,
        "\"maximum\": 1000,\n          \"description\": \"Number of tests that passed");
  }

  private String fingerprintAtHead(String file) {
    return AcceptedChange.fingerprint(SchemaFormat.JSON, SourceDocument.parse("schemas/" + file,
        repo.git("show", "HEAD:schemas/" + file)));
  }

  private void accept(String rule, String path, String against, String reason) {
    repo.edit("catalog.yaml", "accepted_breaking_changes: []", "accepted_breaking_changes:\n"
        + "  - rule: " + rule + "\n    topic: validation.completed\n    format: json\n"
        + (path == null ? "" : "    path: " + path + "\n") + "    against: '" + against + "'\n"
        + "    reason: \"" + reason + "\"\n");
  }

  @Test
  void aBreakingFindingTellsHowToAcceptItAndAnEntryAcceptsItInEveryFormat() throws Exception {
    TestRepo.Run before = repo.contracts("check", "--against", "git:HEAD", "--format", "json");
    assertEquals(100, before.exit(), before.out() + before.err());
    JsonNode finding = MAPPER.readTree(before.out().lines().findFirst().orElseThrow());
    String rule = finding.get("rule").asText();
    assertEquals("data.tests_passed", finding.get("path").asText());
    String fingerprint = fingerprintAtHead("json/validation.completed.json");
    assertTrue(finding.get("hint").asText().contains("against: '" + fingerprint + "'"),
        "the hint names the version to accept: " + finding);

    accept(rule, "data.tests_passed", fingerprint, REASON);
    int entryLine = repo.lineOf("catalog.yaml", "- rule: " + rule);

    TestRepo.Run text = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(0, text.exit(), text.out() + text.err());
    assertTrue(text.out().contains("ACCEPTED " + rule) && text.out().contains("(at data.tests_passed)")
        && text.out().contains("Accepted by schemas/catalog.yaml:" + entryLine + ": " + REASON), text.out());
    assertTrue(text.out().contains("1 breaking change accepted in schemas/catalog.yaml"), text.out());

    TestRepo.Run json = repo.contracts("check", "--against", "git:HEAD", "--format", "json");
    assertEquals(0, json.exit(), json.out() + json.err());
    JsonNode accepted = MAPPER.readTree(json.out().lines().findFirst().orElseThrow());
    assertEquals(rule, accepted.get("rule").asText());
    assertTrue(accepted.get("accepted").asBoolean());
    assertEquals(REASON, accepted.get("reason").asText());
    assertEquals("schemas/catalog.yaml:" + entryLine, accepted.get("accepted_by").asText());

    TestRepo.Run gh = repo.contracts("check", "--against", "git:HEAD", "--format", "github-actions");
    assertEquals(0, gh.exit(), gh.out() + gh.err());
    int line = repo.lineOf("json/validation.completed.json", "\"maximum\": 1000");
    assertTrue(gh.out().startsWith("::warning file=schemas/json/validation.completed.json,line=" + line + ",")
        && gh.out().contains("title=" + rule + " (accepted)::") && gh.out().contains(REASON), gh.out());
    assertTrue(!gh.out().contains("::error"), gh.out());
  }

  @Test
  void anEntryNeverCoversABreakAgainstALaterVersion() throws Exception {
    String v1 = fingerprintAtHead("json/validation.completed.json");
    accept(rule(), "data.tests_passed", v1, REASON);
    repo.commitAll("v2: tests_passed at most 1000, accepted");
    assertEquals(0, repo.contracts("check", "--against", "git:HEAD~1").exit());
    // released; the next change tightens again: still accepted against v1, but a finding against v2
    repo.edit("json/validation.completed.json", "\"maximum\": 1000,", "\"maximum\": 500,");
    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(100, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("ACCEPTED " + rule()), "the break against v1 stays accepted: " + run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.contains(": " + rule() + " ") && l.contains("(at data.tests_passed)")),
        "the break against v2 is a finding: " + run.out());
  }

  @Test
  void anEntryForAnotherPathOrVersionAcceptsNothingAndIsItselfAFinding() {
    String v1 = fingerprintAtHead("json/validation.completed.json");
    accept(rule(), "data.tests_failed", v1, REASON);
    TestRepo.Run wrongPath = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(100, wrongPath.exit(), wrongPath.out() + wrongPath.err());
    assertTrue(wrongPath.out().contains(": " + rule() + " "), wrongPath.out());
    assertTrue(wrongPath.out().contains("schemas/catalog.yaml:") && wrongPath.out().contains(Acceptance.UNUSED), wrongPath.out());

    // a version the baseline does not hold accepts nothing (a note, so a fresh registry can still be checked)
    repo.edit("catalog.yaml", "path: data.tests_failed\n    against: '" + v1 + "'",
        "path: data.tests_passed\n    against: 'sha256:0123456789abcdef'");
    TestRepo.Run unknown = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(100, unknown.exit(), unknown.out() + unknown.err());
    assertTrue(unknown.out().contains(": " + rule() + " ") && !unknown.out().contains("ACCEPTED"), unknown.out());
    assertTrue(unknown.err().contains("holds no version sha256:0123456789abcdef"), unknown.err());
  }

  @Test
  void mistakesInAnEntryAreReportedAtTheirLine() throws Exception {
    accept("json maximum", "data.tests_passed", "abc", " ");
    repo.edit("catalog.yaml", "topic: validation.completed", "topic: validation.done");
    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(1, run.exit(), run.out() + run.err());
    for (String what : new String[] {"'json maximum' is not a rule id", "topic 'validation.done' is not in the catalog",
        "'abc' is not a schema version's fingerprint", "needs a written reason"}) {
      Matcher m = Pattern.compile("schemas/catalog.yaml:(\\d+):\\d+: CATALOG_INVALID [^\\n]*" + Pattern.quote(what))
          .matcher(run.err());
      assertTrue(m.find(), what + " in " + run.err());
      assertTrue(Files.readAllLines(repo.dir.resolve("schemas/catalog.yaml")).get(Integer.parseInt(m.group(1)) - 1)
          .contains(what.contains("reason") ? "reason" : what.contains("topic") ? "topic" : what.contains("rule")
              ? "rule" : "against"), "the line of " + what);
    }
  }

  private String rule() {
    return "JSON_MAXIMUM_DECREASED";
  }
}
