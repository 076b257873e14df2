package io.github.eventcontracts.tooling.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.tooling.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git baseline follows each subject (topic and format) through the catalog of every commit, not each file
 * path: versions from before a rename or a move are still compared at transitive levels (issue 12).
 */
class GateHistoryTest {
  private static final String AVRO = "avro/skill.created.avsc";
  private static final String AVRO_CATEGORY = ",\n          {\"name\": \"category\", \"type\": [\"null\", \"string\"], "
      + "\"default\": null, \"doc\": \"Category the skill belongs to; absent when uncategorised.\"}";
  private static final String AVRO_DESCRIPTION = "\"doc\": \"Free-text description; absent when the producer has none.\"}";
  private static final String JSON = "json/skill.created.json";
  private static final String JSON_CATEGORY = ",\n        \"category\": {\n          \"type\": \"string\",\n"
      + "          \"examples\": [\"backend\"],\n          \"description\": \"Category the skill belongs to; absent when uncategorised.\"\n        }";
  private static final String JSON_DESCRIPTION = "\"description\": \"Free-text description; absent when the producer has none.\"\n        }";

  @TempDir
  Path tmp;

  /** The issue's scenario: the optional category dropped, the file moved, category back as an int. */
  @Test
  void aVersionFromBeforeAMoveIsStillCompared() {
    TestRepo repo = new TestRepo(tmp);
    String v1 = dropCategory(repo);
    move(repo, AVRO, "avro/skill/created.avsc");
    repo.commitAll("move the schema");
    readdCategoryAsInt(repo, "avro/skill/created.avsc");
    repo.commitAll("category back, as an int");

    TestRepo.Run run = assertBreaksOldVersion(repo, v1, "check", "--against", "git:HEAD~1");
    assertTrue(run.out().contains("schemas/avro/skill/created.avsc:"), "located in the new file: " + run.out());
  }

  @Test
  void aFileMovedTwiceKeepsItsHistory() {
    TestRepo repo = new TestRepo(tmp);
    String v1 = dropCategory(repo);
    move(repo, AVRO, "avro/skill/created.avsc");
    repo.commitAll("first move");
    move(repo, "avro/skill/created.avsc", "events/skill-created.avsc");
    repo.commitAll("second move, to another folder");
    readdCategoryAsInt(repo, "events/skill-created.avsc");
    assertBreaksOldVersion(repo, v1, "check", "--against", "git:HEAD");
  }

  @Test
  void aFileMovedAndEditedInOneCommitKeepsItsHistory() {
    TestRepo repo = new TestRepo(tmp);
    String v1 = dropCategory(repo);
    move(repo, AVRO, "avro/skill/created.avsc");
    repo.edit("avro/skill/created.avsc", "\"doc\": \"Name of the skill.\"", "\"doc\": \"The skill's name.\"");
    repo.edit("avro/skill/created.avsc", "\"doc\": \"Id of the new skill; the message key.\"", "\"doc\": \"The key.\"");
    repo.commitAll("move the schema and reword its docs");
    readdCategoryAsInt(repo, "avro/skill/created.avsc");
    repo.commitAll("category back, as an int");
    assertBreaksOldVersion(repo, v1, "check", "--against", "git:HEAD~1");
  }

  @Test
  void aCompatibleChangeAfterAMoveStillPasses() {
    TestRepo repo = new TestRepo(tmp);
    move(repo, AVRO, "avro/skill/created.avsc");
    repo.commitAll("move the schema");
    repo.edit("avro/skill/created.avsc", AVRO_DESCRIPTION, AVRO_DESCRIPTION + ",\n          {\"name\": \"owner\", "
        + "\"type\": [\"null\", \"string\"], \"default\": null, \"doc\": \"Owner.\"}");
    repo.commitAll("an optional owner");

    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD~1");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("compatible with git:HEAD~1"), run.out());
    assertTrue(run.err().isBlank(), "nothing skipped: " + run.err());
  }

  @Test
  void aJsonSchemaVersionFromBeforeAMoveIsStillCompared() {
    TestRepo repo = new TestRepo(tmp);
    String v1 = shortHead(repo);
    repo.edit(JSON, JSON_CATEGORY, "");
    repo.commitAll("drop the optional category");
    move(repo, JSON, "json/skill/created.json");
    repo.commitAll("move the schema");
    // old data (v1) holds category as a string; the new reader wants an integer
    repo.edit("json/skill/created.json", JSON_DESCRIPTION, JSON_DESCRIPTION + ",\n        \"category\": {\n"
        + "          \"type\": \"integer\",\n          \"description\": \"Category number.\"\n        }");

    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(100, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("schemas/" + JSON + "@" + v1), "names the old path and commit: " + run.out());
    assertTrue(run.out().contains("data.category"), run.out());
  }

  @Test
  void aSchemasFolderMovedInHistoryIsFollowed() throws IOException {
    TestRepo repo = new TestRepo(tmp);
    String v1 = dropCategory(repo);
    Files.move(tmp.resolve("schemas"), tmp.resolve("contracts-schemas"));
    repo.commitAll("move the whole folder");
    Path file = tmp.resolve("contracts-schemas").resolve(AVRO);
    Files.writeString(file, Files.readString(file).replace(AVRO_DESCRIPTION, AVRO_DESCRIPTION
        + ",\n          {\"name\": \"category\", \"type\": [\"null\", \"int\"], \"default\": null, \"doc\": \"Category.\"}"));

    assertBreaksOldVersion(repo, v1, "check", "--schemas", "contracts-schemas", "--against", "git:HEAD");
  }

  @Test
  void aSchemasFolderMovedInTheChangeUnderReviewIsComparedWithItsOldPlace() throws IOException {
    TestRepo repo = new TestRepo(tmp);
    String head = shortHead(repo);
    Files.move(tmp.resolve("schemas"), tmp.resolve("contracts-schemas"));
    Path file = tmp.resolve("contracts-schemas").resolve(AVRO);
    Files.writeString(file, Files.readString(file).replace("[\"null\", \"string\"], \"default\": null, \"doc\": "
        + "\"Category", "[\"null\", \"int\"], \"default\": null, \"doc\": \"Category"));

    TestRepo.Run run = repo.contracts("check", "--schemas", "contracts-schemas", "--against", "git:HEAD");
    assertEquals(100, run.exit(), "a moved folder is no new project: " + run.out() + run.err());
    assertTrue(run.out().contains("AVRO_MISSING_UNION_BRANCH"), run.out());
    assertTrue(run.err().contains("holds the catalog at schemas/catalog.yaml"), run.err());
    assertTrue(run.out().contains("git " + head), run.out());
  }

  @Test
  void aMoveFromOneOfSeveralCatalogsFailsClosed() throws IOException {
    TestRepo repo = new TestRepo(tmp);
    Files.move(tmp.resolve("schemas"), tmp.resolve("a"));
    TestRepo.copy(tmp.resolve("a"), tmp.resolve("b"));
    repo.commitAll("two copies of the contracts");
    Files.move(tmp.resolve("a"), tmp.resolve("schemas"));
    deleteTree(tmp.resolve("b"));
    repo.commitAll("one of them becomes schemas/, the other goes");
    String move = repo.git("rev-parse", "HEAD").strip();

    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("commit " + move) && run.err().contains("a/catalog.yaml, b/catalog.yaml"), run.err());
  }

  /** Review of issue 13: the folder copied in one commit and the original deleted in the next is still a move. */
  @Test
  void aSchemasFolderCopiedThenDeletedInTwoCommitsIsFollowed() throws IOException {
    assertCopyThenDeleteBreaksTheOldVersion(false);
  }

  @Test
  void aCopiedCatalogIsToldFromATestFixtureNamingTheSameTopics() throws IOException {
    assertCopyThenDeleteBreaksTheOldVersion(true);
  }

  /** Category dropped, schemas/ copied then deleted, category back as an int in the copy: v1 is still compared. */
  private void assertCopyThenDeleteBreaksTheOldVersion(boolean withFixture) throws IOException {
    TestRepo repo = new TestRepo(tmp);
    String v1 = shortHead(repo); // category a string: a fixture commit leaves that version as it was
    if (withFixture) {
      fixtureCatalog(repo);
      repo.commitAll("a test fixture naming the same topics");
    }
    dropCategory(repo);
    copyThenDelete(repo);
    readdCategoryAsInt(repo.dir.resolve("contracts-schemas").resolve(AVRO));

    assertBreaksOldVersion(repo, v1, "check", "--schemas", "contracts-schemas", "--against", "git:HEAD");
  }

  @Test
  void aCompatibleChangeAfterACopyThenDeleteStillPasses() throws IOException {
    TestRepo repo = new TestRepo(tmp);
    dropCategory(repo);
    copyThenDelete(repo);
    Path file = repo.dir.resolve("contracts-schemas").resolve(AVRO);
    Files.writeString(file, Files.readString(file).replace(AVRO_DESCRIPTION, AVRO_DESCRIPTION
        + ",\n          {\"name\": \"owner\", \"type\": [\"null\", \"string\"], \"default\": null, \"doc\": \"Owner.\"}"));

    TestRepo.Run run = repo.contracts("check", "--schemas", "contracts-schemas", "--against", "git:HEAD");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("compatible with git:HEAD"), run.out());
    assertTrue(run.err().isBlank(), "nothing skipped: " + run.err());
  }

  @Test
  void aCopyFromOneOfSeveralCatalogsFailsClosed() throws IOException {
    TestRepo repo = new TestRepo(tmp);
    fixtureCatalog(repo);
    repo.commitAll("a second catalog naming the same topics");
    TestRepo.copy(tmp.resolve("schemas"), tmp.resolve("contracts-schemas"));
    Path catalog = tmp.resolve("contracts-schemas").resolve("catalog.yaml");
    Files.writeString(catalog, Files.readString(catalog).replace("    retention: 30d\n", "    retention: 31d\n"));
    repo.commitAll("a copy, edited: copied from which?");
    String copy = repo.git("rev-parse", "HEAD").strip();

    TestRepo.Run run = repo.contracts("check", "--schemas", "contracts-schemas", "--against", "git:HEAD");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("commit " + copy) && run.err().contains("fixtures/catalog.yaml, schemas/catalog.yaml"),
        run.err());
    assertFalse(run.out().contains("compatible"), run.out());
  }

  @Test
  void aCatalogDeletedThenRecreatedElsewhereLaterFailsClosed(@TempDir Path kept) throws IOException {
    TestRepo repo = new TestRepo(tmp);
    String v1 = repo.git("rev-parse", "HEAD").strip();
    TestRepo.copy(tmp.resolve("schemas"), kept);
    deleteTree(tmp.resolve("schemas"));
    repo.commitAll("the contracts go");
    TestRepo.copy(kept, tmp.resolve("contracts-schemas"));
    repo.commitAll("and come back elsewhere");

    TestRepo.Run run = repo.contracts("check", "--schemas", "contracts-schemas", "--against", "git:HEAD");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("commit " + v1) && run.err().contains("holds schemas/catalog.yaml"), run.err());
    assertFalse(run.out().contains("compatible"), run.out());
  }

  @Test
  void anUnreadableCatalogInAnEarlierCommitFailsClosedNamingIt() {
    TestRepo repo = new TestRepo(tmp);
    repo.edit("catalog.yaml", "    retention: 30d\n", "    retention: a month\n");
    repo.commitAll("a broken catalog");
    String broken = repo.git("rev-parse", "HEAD").strip();
    repo.edit("catalog.yaml", "    retention: a month\n", "    retention: 30d\n");
    repo.commitAll("fixed");

    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("commit " + broken), "names the commit: " + run.err());
    assertTrue(run.err().contains("retention 'a month' is not a duration"), "and the problem: " + run.err());
    assertFalse(run.out().contains("compatible"), run.out());
  }

  @Test
  void aCatalogNamingAMissingFileInAnEarlierCommitFailsClosedNamingIt() {
    TestRepo repo = new TestRepo(tmp);
    repo.edit("catalog.yaml", "avro: avro/skill.created.avsc", "avro: avro/skill/created.avsc");
    repo.commitAll("catalog points at a file not committed");
    String broken = repo.git("rev-parse", "HEAD").strip();
    moveFile(repo, AVRO, "avro/skill/created.avsc");
    repo.commitAll("the file follows");

    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("commit " + broken) && run.err().contains("schemas/avro/skill/created.avsc"),
        run.err());
  }

  @Test
  void theHistoryOfATopicIsFoundByItsNameNotItsFile() {
    TestRepo repo = new TestRepo(tmp);
    // skill.updated's schema once lived in the file skill.created uses now: not a version of skill.created
    swap(repo, "avro/skill.created.avsc", "avro/skill.updated.avsc");
    repo.commitAll("the two files swap names");
    TestRepo.Run run = repo.contracts("check", "--against", "git:HEAD");
    assertEquals(0, run.exit(), run.out() + run.err());
  }

  /** Commits the optional category dropped from the Avro schema; returns the commit before (category a string). */
  private static String dropCategory(TestRepo repo) {
    String v1 = shortHead(repo);
    repo.edit(AVRO, AVRO_CATEGORY, "");
    repo.commitAll("drop the optional category");
    return v1;
  }

  /** The check finds category's string branch gone, against v1 at the file's old path. */
  private static TestRepo.Run assertBreaksOldVersion(TestRepo repo, String v1, String... checkArgs) {
    TestRepo.Run run = repo.contracts(checkArgs);
    assertEquals(100, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("AVRO_MISSING_UNION_BRANCH"), run.out());
    assertTrue(run.out().contains("against schemas/" + AVRO + "@" + v1), "names the old path and commit: " + run.out());
    return run;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Copies schemas/ to contracts-schemas/ in one commit and deletes schemas/ in the next. */
  private void copyThenDelete(TestRepo repo) throws IOException {
    TestRepo.copy(tmp.resolve("schemas"), tmp.resolve("contracts-schemas"));
    repo.commitAll("copy the schemas folder");
    deleteTree(tmp.resolve("schemas"));
    repo.commitAll("delete the old schemas folder");
  }

  /** A catalog outside schemas/ naming the same topics, with other settings (a test fixture, say). */
  private void fixtureCatalog(TestRepo repo) throws IOException {
    Path fixtures = Files.createDirectories(tmp.resolve("fixtures"));
    String catalog = Files.readString(tmp.resolve("schemas").resolve("catalog.yaml"));
    Files.writeString(fixtures.resolve("catalog.yaml"), catalog.replace("    retention: 30d\n", "    retention: 1d\n"));
  }

  private static void readdCategoryAsInt(Path file) throws IOException {
    Files.writeString(file, Files.readString(file).replace(AVRO_DESCRIPTION, AVRO_DESCRIPTION
        + ",\n          {\"name\": \"category\", \"type\": [\"null\", \"int\"], \"default\": null, \"doc\": \"Category.\"}"));
  }

  private static void readdCategoryAsInt(TestRepo repo, String file) {
    repo.edit(file, AVRO_DESCRIPTION, AVRO_DESCRIPTION
        + ",\n          {\"name\": \"category\", \"type\": [\"null\", \"int\"], \"default\": null, \"doc\": \"Category.\"}");
  }

  private static String shortHead(TestRepo repo) {
    return repo.git("rev-parse", "--short=7", "HEAD").strip();
  }

  /** Moves a file under schemas/ and points the catalog at its new path. */
  private static void move(TestRepo repo, String from, String to) {
    moveFile(repo, from, to);
    repo.edit("catalog.yaml", ": " + from + "\n", ": " + to + "\n");
  }

  private static void moveFile(TestRepo repo, String from, String to) {
    try {
      Path schemas = repo.dir.resolve("schemas");
      Files.createDirectories(schemas.resolve(to).getParent());
      Files.move(schemas.resolve(from), schemas.resolve(to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Two topics' files exchange names; the catalog follows, so each topic keeps its schema. */
  private static void swap(TestRepo repo, String a, String b) {
    move(repo, a, a + ".tmp.avsc");
    move(repo, b, a);
    move(repo, a + ".tmp.avsc", b);
  }
}
