package io.github.eventcontracts.tooling.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.tooling.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate, run as the CLI against a temporary git repository with real commits. */
class GateGitTest {
  private static final String DATA_FIELDS = "\"fields\": [\n          {\"name\": \"skill_id\"";

  @TempDir
  Path tmp;

  @Test
  void aBreakingCommitFailsWithAnAnnotationAtTheRightLine() throws Exception {
    TestRepo repo = new TestRepo(tmp);
    // a new required field without a default: new readers cannot read old data
    repo.edit("avro/skill.created.avsc", DATA_FIELDS,
        "\"fields\": [\n          {\"name\": \"owner\", \"type\": \"string\", \"doc\": \"Owner.\"},\n          {\"name\": \"skill_id\"");
    repo.commitAll("add a required owner");
    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD~1", "--format", "github-actions");
    assertEquals(100, run.exit(), run.out() + run.err());
    int line = repo.lineOf("avro/skill.created.avsc", "\"owner\"");
    assertTrue(run.out().contains("::error file=schemas/avro/skill.created.avsc,line=" + line + ","), run.out());
    assertTrue(run.out().contains("AVRO_READER_FIELD_MISSING_DEFAULT_VALUE"), run.out());
    assertTrue(run.out().contains("gen-service"), "the readers it breaks are named: " + run.out());
  }

  @Test
  void aCompatibleCommitPasses() throws Exception {
    TestRepo repo = new TestRepo(tmp);
    repo.edit("avro/skill.created.avsc", DATA_FIELDS, "\"fields\": [\n          {\"name\": \"owner\", \"type\": "
        + "[\"null\", \"string\"], \"default\": null, \"doc\": \"Owner.\"},\n          {\"name\": \"skill_id\"");
    repo.edit("json/skill.created.json", "\"properties\": {\n        \"skill_id\"",
        "\"properties\": {\n        \"owner\": {\"type\": \"string\", \"description\": \"Owner.\"},\n        \"skill_id\"");
    repo.commitAll("add an optional owner");
    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD~1");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("compatible with git:HEAD~1"), run.out());
  }

  @Test
  void aTransitiveLevelCatchesABreakWithAnOlderVersion() throws Exception {
    TestRepo repo = new TestRepo(tmp);
    // v2: an optional field with a default - compatible with v1
    repo.edit("avro/skill.created.avsc", DATA_FIELDS, "\"fields\": [\n          {\"name\": \"owner\", \"type\": "
        + "\"string\", \"default\": \"nobody\", \"doc\": \"Owner.\"},\n          {\"name\": \"skill_id\"");
    repo.commitAll("v2: owner with a default");
    // the level lowered to FULL in a change of its own (which the gate flags, but which is merged)
    repo.edit("catalog.yaml", "\n    avro: FULL_TRANSITIVE", "\n    avro: FULL");
    repo.commitAll("avro subjects at FULL");
    // v3: the default removed - still FULL compatible with v2 (both have the field), not with v1 (which lacks it)
    repo.edit("avro/skill.created.avsc", "\"default\": \"nobody\", ", "");
    TestRepo.Run latestOnly = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(0, latestOnly.exit(), latestOnly.out() + latestOnly.err());

    repo.edit("catalog.yaml", "\n    avro: FULL", "\n    avro: FULL_TRANSITIVE");
    TestRepo.Run transitive = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(100, transitive.exit(), transitive.out() + transitive.err());
    assertTrue(transitive.out().contains("AVRO_READER_FIELD_MISSING_DEFAULT_VALUE"), transitive.out());
    assertTrue(!transitive.out().contains("COMPATIBILITY_LEVEL_LOWERED"), "raising a level is no finding: " + transitive.out());
  }

  @Test
  void aRemovedTopicIsAFindingAndANewOneIsNot() throws Exception {
    TestRepo repo = new TestRepo(tmp);
    String catalog = java.nio.file.Files.readString(tmp.resolve("schemas/catalog.yaml"));
    String block = catalog.substring(catalog.indexOf("  project.completed:"), catalog.indexOf("  validation.completed:"));
    repo.edit("catalog.yaml", block, "");
    repo.edit("catalog.yaml", "  validation.completed:\n", block.replace("project.completed:\n    event: project.completed",
        "project.done:\n    event: project.done").replace("  project.completed:", "  project.done:") + "  validation.completed:\n");
    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD", "--format", "json");
    assertEquals(100, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("\"rule\":\"EVENT_RENAMED\""), run.out());
    assertTrue(!run.out().contains("project.done-value"), "a new subject is not a finding: " + run.out());
  }

  @Test
  void anUnreadableBaselineFailsClosed() {
    TestRepo repo = new TestRepo(tmp);
    TestRepo.Run run = repo.contracts("check", "--against", "git:no-such-branch");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("does not name a commit"), run.err());
    TestRepo.Run dir = repo.contracts("check", "--against", "dir:/nonexistent");
    assertEquals(1, dir.exit());
    TestRepo.Run bad = repo.contracts("check", "--against", "svn:trunk");
    assertEquals(1, bad.exit());
    assertTrue(bad.err().contains("git:<ref>, dir:<path>, jar:<path> or registry:<url>"), bad.err());
  }

  @Test
  void theDefaultBaselineIsTheMergeBaseWithMain() {
    TestRepo repo = new TestRepo(tmp);
    repo.git("checkout", "-q", "-b", "feature");
    repo.edit("avro/skill.updated.avsc", "\"name\": \"changes\", \"type\": {\"type\": \"array\", \"items\": \"string\"}",
        "\"name\": \"changes\", \"type\": \"string\"");
    repo.commitAll("break changes");
    TestRepo.Run run = repo.contracts("check");
    assertEquals(100, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("AVRO_TYPE_MISMATCH") && run.out().contains("data.changes"), run.out());
  }

  @Test
  void aPullRequestCannotLowerTheBarItIsJudgedBy() {
    TestRepo repo = new TestRepo(tmp);
    repo.edit("catalog.yaml", "  skill.created:\n    event: skill.created\n",
        "  skill.created:\n    event: skill.created\n    compatibility: {avro: NONE, json: NONE}\n");
    repo.edit("avro/skill.created.avsc", "{\"name\": \"name\", \"type\": \"string\"", "{\"name\": \"name\", \"type\": \"int\"");
    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD", "--format", "json");
    assertEquals(100, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("\"rule\":\"COMPATIBILITY_LEVEL_LOWERED\""), run.out());
    assertTrue(run.out().contains("\"rule\":\"AVRO_TYPE_MISMATCH\"") && run.out().contains("FULL_TRANSITIVE"),
        "the type change is still judged at the baseline's level: " + run.out());
  }

  @Test
  void aChangedKeyOrWireFormatIsAFinding() {
    TestRepo repo = new TestRepo(tmp);
    repo.edit("catalog.yaml", "    key: skill_id\n", "    key: name\n");
    repo.edit("catalog.yaml", "  wire_format: avro", "  wire_format: json");
    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(100, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("MESSAGE_KEY_CHANGED") && run.out().contains("WIRE_FORMAT_CHANGED"), run.out());
  }

  @Test
  void aRemovalPointsIntoTheOldVersionNotTheWorkTree() {
    TestRepo repo = new TestRepo(tmp);
    String head = repo.git("rev-parse", "--short=7", "HEAD").strip();
    // an optional property removed from a closed model: old data may hold it; located where it was, in the old file
    repo.edit("json/skill.created.json", ",\n        \"category\": {\n          \"type\": \"string\",\n          \"examples\": [\"backend\"],\n          \"description\": "
        + "\"Category the skill belongs to; absent when uncategorised.\"\n        }", "");
    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(100, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("schemas/json/skill.created.json@" + head + ":"), run.out());
    TestRepo.Run gh = repo.contracts("check", "--against", "git:HEAD", "--format", "github-actions");
    assertTrue(gh.out().startsWith("::error file=schemas/json/skill.created.json,line=1,col=1,")
        && gh.out().contains("[removed: it was at line"), "annotated on the file as it is now: " + gh.out());
  }

  @Test
  void oneRootCauseIsReportedOnceWhateverTheNumberOfVersionsItBreaks() {
    TestRepo repo = new TestRepo(tmp);
    repo.edit("json/skill.updated.json", "\"description\": \"The skill that changed and which of its fields changed.\"",
        "\"description\": \"The skill that changed, and which of its fields changed.\"");
    repo.commitAll("v2: reworded");
    repo.edit("json/skill.updated.json", "\"skill_id\",\n        \"changes\"", "\"skill_id\"");
    repo.edit("json/skill.updated.json", ",\n        \"changes\": {\n          \"type\": \"array\",\n          \"examples\": [[\"name\", \"description\"]],\n          \"description\": "
        + "\"Names of the skill's fields that changed.\",\n          \"items\": {\n            \"type\": \"string\"\n          }\n        }", "");
    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD", "--format", "json");
    assertEquals(100, run.exit(), run.out() + run.err());
    long removals = run.out().lines().filter(l -> l.contains("data.changes") && l.contains("json/skill.updated.json")).count();
    assertEquals(1, removals, run.out());
    assertTrue(run.out().contains("and the same against 1 more version"), run.out());
  }
}
