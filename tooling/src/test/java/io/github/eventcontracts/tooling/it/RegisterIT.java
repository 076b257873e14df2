package io.github.eventcontracts.tooling.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.AcceptedChange;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import io.github.eventcontracts.tooling.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `contracts register` against the real Apicurio registry of the local stack. */
@ExtendWith(LocalStack.class)
class RegisterIT {
  @TempDir
  Path tmp;

  @Test
  void registersEverythingThenMakesNoWritesThenJudgesChanges() throws Exception {
    TestRepo repo = Topics.uniqueTopics(new TestRepo(tmp));
    String t = Topics.prefix(repo);
    RegistryClient client = new RegistryClient(RegistryConfig.of(LocalStack.REGISTRY));
    try {
      TestRepo.Run dry = repo.contracts("register", "--registry", LocalStack.REGISTRY, "--dry-run");
      assertEquals(0, dry.exit(), dry.out() + dry.err());
      assertTrue(dry.out().contains("Dry run: nothing written"), dry.out());
      assertEquals(List.of(), client.versions(t + "skill.created-value"), "a dry run wrote to the registry");

      TestRepo.Run first = repo.contracts("register", "--registry", LocalStack.REGISTRY);
      assertEquals(0, first.exit(), first.out() + first.err());
      assertTrue(first.out().contains(t + "skill.created-value"), first.out());
      assertEquals(List.of(1), client.versions(t + "skill.created-value"));
      assertEquals(List.of(1), client.versions(t + "skill.created-json-value"));
      assertEquals("FULL_TRANSITIVE", client.subjectLevel(t + "skill.created-value").orElseThrow());
      assertEquals("BACKWARD_TRANSITIVE", client.subjectLevel(t + "skill.created-json-value").orElseThrow());

      TestRepo.Run second = repo.contracts("register", "--registry", LocalStack.REGISTRY);
      assertEquals(0, second.exit(), second.out() + second.err());
      assertTrue(second.out().contains("(0 writes)"), second.out());

      // incompatible: a new required field without a default; the registry refuses it and says why
      repo.edit("avro/skill.created.avsc", "{\"name\": \"skill_id\"",
          "{\"name\": \"owner\", \"type\": \"string\", \"doc\": \"Owner.\"},\n          {\"name\": \"skill_id\"");
      TestRepo.Run rejected = repo.contracts("register", "--registry", LocalStack.REGISTRY);
      assertEquals(100, rejected.exit(), rejected.out() + rejected.err());
      assertTrue(rejected.out().contains("REJECTED"), rejected.out());
      assertTrue(rejected.out().contains("registry: "), "the registry's own reason is reported: " + rejected.out());
      assertTrue(rejected.out().contains("gate: ") && rejected.out().contains("AVRO_READER_FIELD_MISSING_DEFAULT_VALUE"),
          "the gate's verdict at the catalog's level is reported: " + rejected.out());
      assertTrue(rejected.out().contains("Nothing written"), rejected.out());
      assertEquals(List.of(1), client.versions(t + "skill.created-value"));

      // the registry holds FULL_TRANSITIVE; even with a weaker level set by hand, the plan judges at the catalog's
      client.setSubjectLevel(t + "skill.created-value", "NONE");
      TestRepo.Run stillRejected = repo.contracts("register", "--registry", LocalStack.REGISTRY, "--dry-run");
      assertEquals(100, stillRejected.exit(), stillRejected.out() + stillRejected.err());
      assertTrue(stillRejected.out().contains("gate: "), stillRejected.out());
      assertEquals(List.of(1), client.versions(t + "skill.created-value"));

      // compatible: the same field, optional with a default; accepted as version 2
      repo.edit("avro/skill.created.avsc", "{\"name\": \"owner\", \"type\": \"string\",",
          "{\"name\": \"owner\", \"type\": [\"null\", \"string\"], \"default\": null,");
      TestRepo.Run accepted = repo.contracts("register", "--registry", LocalStack.REGISTRY);
      assertEquals(0, accepted.exit(), accepted.out() + accepted.err());
      assertTrue(accepted.out().contains("new version"), accepted.out());
      assertTrue(accepted.out().contains(t + "skill.created-value") && accepted.out().contains("v2 of 2"), accepted.out());
      assertEquals(List.of(1, 2), client.versions(t + "skill.created-value"));
      assertEquals("FULL_TRANSITIVE", client.subjectLevel(t + "skill.created-value").orElseThrow(),
          "the level set by hand is put back to the catalog's");

      // JSON Schema (draft-07) evolves too: an optional property is a new version, judged by both
      String jsonSubject = t + "skill.created-json-value";
      repo.edit("json/skill.created.json", "        \"category\": {",
          "        \"owner\": {\n          \"type\": \"string\",\n          \"description\": \"Owner.\"\n        },\n"
              + "        \"category\": {");
      TestRepo.Run jsonAdded = repo.contracts("register", "--registry", LocalStack.REGISTRY);
      assertEquals(0, jsonAdded.exit(), jsonAdded.out() + jsonAdded.err());
      assertTrue(jsonAdded.out().contains(jsonSubject) && jsonAdded.out().contains("v2 of 2"), jsonAdded.out());
      assertEquals(List.of(1, 2), client.versions(jsonSubject));
      assertEquals("BACKWARD_TRANSITIVE", client.subjectLevel(jsonSubject).orElseThrow());

      // and a breaking JSON change (owner becomes required: old data lacks it) is refused by both, nothing written
      repo.edit("json/skill.created.json", "\"required\": [\n        \"skill_id\",",
          "\"required\": [\n        \"owner\",\n        \"skill_id\",");
      TestRepo.Run jsonRejected = repo.contracts("register", "--registry", LocalStack.REGISTRY);
      assertEquals(100, jsonRejected.exit(), jsonRejected.out() + jsonRejected.err());
      assertTrue(jsonRejected.out().contains("REJECTED") && jsonRejected.out().contains("Nothing written"), jsonRejected.out());
      assertTrue(jsonRejected.out().contains("registry: "), "the registry judges draft-07 itself: " + jsonRejected.out());
      assertTrue(jsonRejected.out().contains("gate: ") && jsonRejected.out().contains("owner"), jsonRejected.out());
      assertEquals(List.of(1, 2), client.versions(jsonSubject));
      assertEquals(List.of(1, 2), client.versions(t + "skill.created-value"));
      repo.edit("json/skill.created.json", "\"required\": [\n        \"owner\",\n", "\"required\": [\n");

      // and the gate reads every registered version as its baseline
      TestRepo.Run gate = repo.contracts("check", "--against", "registry:" + LocalStack.REGISTRY);
      assertEquals(0, gate.exit(), gate.out() + gate.err());
    } finally {
      Topics.deleteSubjects(LocalStack.REGISTRY, t);
    }
  }

  @Test
  void anAcceptedBreakingChangeIsTriedWithTheLevelLoweredOnceAndTheLevelIsRestored() throws Exception {
    TestRepo repo = Topics.uniqueTopics(new TestRepo(tmp));
    String t = Topics.prefix(repo);
    String avro = t + "skill.created-value";
    String json = t + "validation.completed-json-value";
    RegistryClient client = new RegistryClient(RegistryConfig.of(LocalStack.REGISTRY));
    try {
      assertEquals(0, repo.contracts("register", "--registry", LocalStack.REGISTRY).exit());
      // Avro: a required field without a default (new readers cannot read old data); JSON: a lower maximum
      repo.edit("avro/skill.created.avsc", "{\"name\": \"skill_id\"",
          "{\"name\": \"owner\", \"type\": \"string\", \"doc\": \"Owner.\"},\n          {\"name\": \"skill_id\"");
      repo.edit("json/validation.completed.json", "\"maximum\": 2147483647,\n          \"examples\": [10],\n          \"description\": \"Number of tests that passed",
          "\"maximum\": 1000,\n          \"description\": \"Number of tests that passed");
      String avroV1 = AcceptedChange.fingerprint(SchemaFormat.AVRO, SourceDocument.parse("v1.avsc", client.version(avro, 1).schema()));
      String jsonV1 = AcceptedChange.fingerprint(SchemaFormat.JSON, SourceDocument.parse("v1.json", client.version(json, 1).schema()));
      repo.edit("catalog.yaml", "accepted_breaking_changes: []", "accepted_breaking_changes:\n"
          + "  - rule: AVRO_READER_FIELD_MISSING_DEFAULT_VALUE\n    topic: " + t + "skill.created\n    format: avro\n"
          + "    against: '" + avroV1 + "'\n    reason: every producer sends owner since release 12\n"
          + "  - rule: JSON_MAXIMUM_DECREASED\n    topic: " + t + "validation.completed\n    format: json\n"
          + "    path: data.tests_passed\n    against: '" + jsonV1 + "'\n    reason: at most 1000 tests per run\n");
      TestRepo.Run run = repo.contracts("register", "--registry", LocalStack.REGISTRY, "--deadline", "3");
      String out = run.out() + run.err();
      assertTrue(out.contains("accepted: AVRO_READER_FIELD_MISSING_DEFAULT_VALUE") && out.contains("every producer sends owner")
          && out.contains("accepted: JSON_MAXIMUM_DECREASED at data.tests_passed"), out);
      assertTrue(out.contains("level lowered to NONE for this one registration, then restored to FULL_TRANSITIVE"), out);
      // the local registry's global level is NONE (scripts/stack), so Apicurio, which reads a subject's NONE as "no
      // level of its own", honours the lowered level as a Confluent registry does; draft-07 is judged
      assertEquals(0, run.exit(), out);
      assertTrue(out.contains(avro + ": registered at level NONE") && out.contains(json + ": registered at level NONE"), out);
      assertEquals(List.of(1, 2), client.versions(avro));
      assertEquals(List.of(1, 2), client.versions(json));
      assertEquals("FULL_TRANSITIVE", client.subjectLevel(avro).orElseThrow(), "the level is restored after the registration");
      assertEquals("BACKWARD_TRANSITIVE", client.subjectLevel(json).orElseThrow(), "the level is restored after the registration");

      // the acceptance covers that one version: the next breaking change is judged (and refused) again
      repo.edit("json/validation.completed.json", "\"maximum\": 1000,", "\"maximum\": 999,");
      TestRepo.Run again = repo.contracts("register", "--registry", LocalStack.REGISTRY);
      assertEquals(100, again.exit(), again.out() + again.err());
      assertTrue(again.out().contains("JSON_MAXIMUM_DECREASED") && again.out().contains("Nothing written"), again.out());
      assertEquals(List.of(1, 2), client.versions(json));
    } finally {
      Topics.deleteSubjects(LocalStack.REGISTRY, t);
    }
  }
}
