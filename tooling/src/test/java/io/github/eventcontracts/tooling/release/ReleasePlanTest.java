package io.github.eventcontracts.tooling.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.tooling.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code contracts release-plan} against temporary git repositories with release tags. */
class ReleasePlanTest {
  private static final String DATA_FIELDS = "\"fields\": [\n          {\"name\": \"skill_id\"";
  private static final String JSON_PROPERTIES = "\"properties\": {\n        \"skill_id\"";

  @TempDir
  Path tmp;

  private TestRepo released(String tag) {
    TestRepo repo = new TestRepo(tmp);
    repo.git("tag", tag);
    return repo;
  }

  @Test
  void withoutAReleaseTagItSaysSo() {
    TestRepo repo = new TestRepo(tmp);
    repo.git("tag", "v1.0.0-rc1"); // a pre-release is not a release
    TestRepo.Run run = repo.contracts("release-plan");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("no release tag (v<major>.<minor>.<patch>) on HEAD's history"), run.out());
  }

  @Test
  void descriptionsOnlyMakeAPatch() {
    TestRepo repo = released("v1.2.3");
    repo.edit("avro/skill.created.avsc", "\"doc\": \"Id of the new skill; the message key.\"", "\"doc\": \"Id of the skill.\"");
    repo.edit("json/skill.created.json", "\"description\": \"Id of the new skill; the message key.\"",
        "\"description\": \"Id of the skill.\"");
    repo.commitAll("reword");
    TestRepo.Run run = repo.contracts("release-plan");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("last release v1.2.3; next version 1.2.4 (patch: descriptions only)"), run.out());
    assertTrue(run.out().contains("## 1.2.4"), run.out());
    assertTrue(run.out().contains("### Documentation\n\n- `skill.created`: descriptions changed."), run.out());
  }

  @Test
  void anOptionalFieldOrANewEventMakeAMinor() throws Exception {
    TestRepo repo = released("v1.2.3");
    repo.edit("avro/skill.created.avsc", DATA_FIELDS, "\"fields\": [\n          {\"name\": \"owner\", \"type\": "
        + "[\"null\", \"string\"], \"default\": null, \"doc\": \"Owner.\"},\n          {\"name\": \"skill_id\"");
    repo.edit("json/skill.created.json", JSON_PROPERTIES,
        "\"properties\": {\n        \"owner\": {\"type\": \"string\", \"description\": \"Owner.\"},\n        \"skill_id\"");
    newEvent(repo);
    repo.commitAll("owner, and skill.archived");
    // a later tag on another branch or an older one does not count: the newest v<semver> on HEAD's history does
    repo.git("tag", "v1.10.0", "HEAD~1");
    TestRepo.Run run = repo.contracts("release-plan");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("last release v1.10.0; next version 1.11.0 (minor"), run.out());
    assertTrue(run.out().contains("- `skill.created`: fields added: data.owner."), run.out());
    assertTrue(run.out().contains("- New event `skill.archived` on topic `skill.archived`"), run.out());
  }

  @Test
  void anAcceptedBreakingChangeMakesAMajorAndAnUnacceptedOneNoRelease() {
    TestRepo repo = released("v0.4.1");
    repo.edit("avro/skill.created.avsc", DATA_FIELDS,
        "\"fields\": [\n          {\"name\": \"owner\", \"type\": \"string\", \"doc\": \"Owner.\"},\n          {\"name\": \"skill_id\"");
    TestRepo.Run refused = repo.contracts("release-plan");
    assertEquals(100, refused.exit(), refused.out() + refused.err());
    assertTrue(refused.out().contains("release-plan: not releasable: 1 finding: breaking changes against git:v0.4.1"),
        refused.out());
    assertTrue(refused.out().contains("AVRO_READER_FIELD_MISSING_DEFAULT_VALUE"), refused.out());

    // accept it, as the finding's own hint says
    Matcher m = Pattern.compile("against: '(sha256:[0-9a-f]+)'").matcher(refused.out());
    assertTrue(m.find(), refused.out());
    repo.edit("catalog.yaml", "accepted_breaking_changes: []", "accepted_breaking_changes:\n"
        + "  - rule: AVRO_READER_FIELD_MISSING_DEFAULT_VALUE\n    topic: skill.created\n    format: avro\n"
        + "    path: data.owner\n    against: '" + m.group(1) + "'\n    reason: \"every producer sets owner now\"\n");
    repo.commitAll("a required owner, accepted");
    TestRepo.Run run = repo.contracts("release-plan");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("next version 1.0.0 (major: 1 breaking change accepted in the catalog)"), run.out());
    assertTrue(run.out().contains("### Breaking changes (accepted)\n\n- `AVRO_READER_FIELD_MISSING_DEFAULT_VALUE` at "
        + "schemas/avro/skill.created.avsc:"), run.out());
    assertTrue(run.out().contains("Accepted: every producer sets owner now"), run.out());
    assertTrue(run.out().contains("### Added and changed\n\n- `skill.created`: fields added: data.owner."), run.out());
  }

  @Test
  void noContractChangeIsTheNextPatchAtMost() {
    TestRepo repo = released("v2.0.0");
    TestRepo.Run run = repo.contracts("release-plan");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("next version 2.0.1 (patch: the contracts did not change"), run.out());
    assertTrue(run.out().contains("No change to the schemas or the catalog."), run.out());
  }

  @Test
  void theNewestReleaseTagIsChosenByVersion() {
    assertEquals("v1.10.0", ReleasePlan.newestRelease(List.of("v1.9.0", "v1.10.0", "v1.2.0", "v2.0.0-rc1", "latest")));
    assertNull(ReleasePlan.newestRelease(List.of("v2", "release-1")));
  }

  /** skill.archived: a copy of skill.created under a new name, and its catalog entry. */
  private static void newEvent(TestRepo repo) throws Exception {
    Path schemas = repo.dir.resolve("schemas");
    for (String[] f : new String[][] {{"avro/skill.created.avsc", "avro/skill.archived.avsc"},
        {"json/skill.created.json", "json/skill.archived.json"}}) {
      Files.writeString(schemas.resolve(f[1]), Files.readString(schemas.resolve(f[0]))
          .replace("skill.created", "skill.archived").replace("SkillCreated", "SkillArchived"));
    }
    repo.edit("catalog.yaml", "  skill.updated:\n", "  skill.archived:\n    event: skill.archived\n"
        + "    description: Published when a skill is archived.\n    key: skill_id\n    retention: 7d\n    schemas:\n"
        + "      avro: avro/skill.archived.avsc\n      json: json/skill.archived.json\n  skill.updated:\n");
  }
}
