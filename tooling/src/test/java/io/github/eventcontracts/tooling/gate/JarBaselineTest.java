package io.github.eventcontracts.tooling.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.SchemaSource;
import io.github.eventcontracts.tooling.TestRepo;
import io.github.eventcontracts.tooling.compat.json.JsonCompatPolicy;
import io.github.eventcontracts.tooling.registry.SubjectNaming;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Released contracts jars as the baseline (what the Maven plugin compares a service's copy with): one jar, and
 * several releases whose versions a transitive level all compares with.
 */
class JarBaselineTest {
  private static final String DATA_FIELDS = "\"fields\": [\n          {\"name\": \"skill_id\"";

  @TempDir
  Path tmp;

  @Test
  void aJarIsABaselineAndItsFindingsAreTheGatesOwn() throws IOException {
    TestRepo repo = new TestRepo(tmp.resolve("repo"));
    Path jar = jar(repo, tmp.resolve("event-contracts-1.0.0.jar"));
    TestRepo.Run same = repo.contracts("check", "--against", "jar:" + jar);
    assertEquals(0, same.exit(), same.out() + same.err());
    assertTrue(same.out().contains("compatible with jar:" + jar), same.out());

    repo.edit("avro/skill.created.avsc", DATA_FIELDS,
        "\"fields\": [\n          {\"name\": \"owner\", \"type\": \"string\", \"doc\": \"Owner.\"},\n          {\"name\": \"skill_id\"");
    TestRepo.Run broken = repo.contracts("check", "--against", "jar:" + jar);
    assertEquals(100, broken.exit(), broken.out() + broken.err());
    assertTrue(broken.out().contains("schemas/avro/skill.created.avsc:" + repo.lineOf("avro/skill.created.avsc", "\"owner\"")
        + ":"), broken.out());
    assertTrue(broken.out().contains("AVRO_READER_FIELD_MISSING_DEFAULT_VALUE"), broken.out());
    assertTrue(broken.out().contains("breaking changes against jar:" + jar + " in skill.created-value"), broken.out());
  }

  @Test
  void aTransitiveLevelComparesWithEveryEarlierRelease() throws IOException {
    TestRepo repo = new TestRepo(tmp.resolve("repo"));
    Path v1 = jar(repo, tmp.resolve("v1.jar"));
    // v2: an optional field with a default - compatible with v1
    repo.edit("avro/skill.created.avsc", DATA_FIELDS, "\"fields\": [\n          {\"name\": \"owner\", \"type\": "
        + "\"string\", \"default\": \"nobody\", \"doc\": \"Owner.\"},\n          {\"name\": \"skill_id\"");
    Path v2 = jar(repo, tmp.resolve("v2.jar"));
    // v3: the default removed - FULL compatible with v2 (both have the field), not with v1 (which lacks it)
    repo.edit("avro/skill.created.avsc", "\"default\": \"nobody\", ", "");
    ContractModel current = ContractModel.load(SchemaSource.directory(repo.dir.resolve("schemas"), "schemas"));

    Baseline pinnedOnly = Baselines.releases("v2", List.of(release("v2", v2)));
    assertTrue(CheckRun.of(current, pinnedOnly, SubjectNaming.defaults(), JsonCompatPolicy.STRICT).compatible());

    Baseline all = Baselines.releases("v2 and 1 earlier release", List.of(release("v1", v1), release("v2", v2)));
    CheckRun run = CheckRun.of(current, all, SubjectNaming.defaults(), JsonCompatPolicy.STRICT);
    assertEquals(List.of("AVRO_READER_FIELD_MISSING_DEFAULT_VALUE"),
        run.result().findings().stream().map(f -> f.ruleId()).distinct().toList(), run.result().findings().toString());
    assertTrue(run.result().findings().get(0).message().contains("v1"), run.result().findings().toString());
    assertEquals(List.of("skill.created-value"), run.brokenSubjects());
    // an unchanged subject counts once, named after the newest release that has it
    assertEquals(1, all.topics().get("skill.updated").versions(io.github.eventcontracts.model.SchemaFormat.AVRO).size());
  }

  @Test
  void aJarWithoutContractsIsRefused() throws IOException {
    Path jar = tmp.resolve("other.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.closeEntry();
    }
    BaselineException e = assertThrows(BaselineException.class, () -> JarSchemas.open(jar, "other.jar"));
    assertTrue(e.getMessage().contains("not an event-contracts jar"), e.getMessage());
  }

  private static Baselines.Release release(String label, Path jar) {
    return new Baselines.Release(label, JarSchemas.open(jar, jar.getFileName().toString()));
  }

  /** Packs the repository's schemas folder the way the contracts module does: under event-contracts/. */
  private static Path jar(TestRepo repo, Path jar) throws IOException {
    Path schemas = repo.dir.resolve("schemas");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> files = Files.walk(schemas)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new ZipEntry(JarSchemas.FOLDER + schemas.relativize(p).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(p));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
