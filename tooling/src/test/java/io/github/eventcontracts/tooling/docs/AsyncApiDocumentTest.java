package io.github.eventcontracts.tooling.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.eventcontracts.model.ConsumerGroup;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.tooling.TestRepo;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/reference/asyncapi.yaml is valid by the official AsyncAPI 3.0.0 JSON Schema and says what the contracts say. */
class AsyncApiDocumentTest {
  private static final ContractModel MODEL = ContractModel.load(TestRepo.repoRoot().resolve("schemas"));
  private static final Schema SPEC = spec();

  private static Schema spec() {
    try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.json")) {
      JsonNode schema = new ObjectMapper().readTree(in);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode committed() throws Exception {
    return (ObjectNode) AsyncApiDocument.YAML.readTree(Files.readString(TestRepo.repoRoot().resolve(Docs.ASYNCAPI)));
  }

  static List<String> violations(JsonNode doc) {
    return SPEC.validate(doc).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  @Test
  void theCommittedDocumentIsValidByTheOfficialSchema() throws Exception {
    assertEquals(List.of(), violations(committed()));
  }

  @Test
  void theValidationRejectsBrokenDocuments() throws Exception {
    List<Consumer<ObjectNode>> breakages = List.of(
        d -> ((ObjectNode) d.get("info")).remove("version"),
        d -> d.put("asyncapi", "2.6.0"),
        d -> ((ObjectNode) d.at("/channels/skill.created/bindings/kafka")).put("partitions", 0),
        d -> ((ObjectNode) d.at("/channels/skill.created/bindings/kafka")).put("retention", "7d"),
        d -> ((ObjectNode) d.at("/channels/skill.created/bindings/kafka/topicConfiguration")).put("retention.ms", "7d"),
        d -> ((ObjectNode) d.at("/operations/skill.created.send")).put("action", "publish"),
        d -> ((ObjectNode) d.at("/components/messages/SkillCreated/bindings/kafka")).put("schemaIdLocation", "body"),
        d -> ((ObjectNode) d.at("/components/messages/SkillCreated/payload/schema")).put("type", "struct"),
        d -> ((ObjectNode) d.at("/operations/gen-service.skill.created.receive/bindings/kafka")).put("groupId", 7));
    for (int i = 0; i < breakages.size(); i++) {
      ObjectNode doc = committed();
      breakages.get(i).accept(doc);
      assertFalse(violations(doc).isEmpty(), "breakage " + i + " was not rejected");
    }
  }

  @Test
  void everyReferenceResolvesInsideTheDocument() throws Exception {
    ObjectNode doc = committed();
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), ref);
      assertFalse(doc.at(ref.substring(1)).isMissingNode(), "unresolved $ref " + ref);
    }
  }

  private static void collectRefs(JsonNode n, List<String> refs) {
    if (n.isObject() && n.has("$ref")) {
      refs.add(n.get("$ref").asText());
    }
    n.forEach(c -> collectRefs(c, refs));
  }

  @Test
  void channelsMessagesAndOperationsAreTheCatalogs() throws Exception {
    ObjectNode doc = committed();
    assertEquals("3.0.0", doc.get("asyncapi").asText());
    assertEquals(Docs.artifactVersion(), doc.at("/info/version").asText());
    assertEquals(MODEL.catalog().topics().size(), doc.get("channels").size());
    for (EventContract e : MODEL.events()) {
      Topic t = e.topic();
      JsonNode kafka = doc.at("/channels/" + t.name() + "/bindings/kafka");
      assertEquals(t.name(), doc.at("/channels/" + t.name() + "/address").asText());
      assertEquals(t.partitions(), kafka.get("partitions").asInt());
      assertEquals(t.replicationFactor(), kafka.get("replicas").asInt());
      assertEquals(t.retentionMs(), kafka.at("/topicConfiguration/retention.ms").asLong());
      assertEquals(t.minInsyncReplicas(), kafka.at("/topicConfiguration/min.insync.replicas").asInt());
      assertEquals(t.uncleanLeaderElectionEnable(), kafka.at("/topicConfiguration/unclean.leader.election.enable").asBoolean());
      JsonNode message = doc.at("/components/messages/" + e.avroSchema().getName());
      assertEquals(AsyncApiDocument.AVRO_SCHEMA_FORMAT, message.at("/payload/schemaFormat").asText());
      org.apache.avro.Schema payload = new org.apache.avro.Schema.Parser().parse(message.at("/payload/schema").toString());
      assertEquals(e.avroSchema(), payload, "the message payload is the event's Avro schema");
      assertTrue(message.at("/bindings/kafka/key/description").asText().startsWith("data." + t.keyField()));
      assertEquals("send", doc.at("/operations/" + t.name() + ".send/action").asText());
    }
    int receives = 0;
    for (ConsumerGroup g : MODEL.catalog().consumerGroups()) {
      for (String topic : g.topics()) {
        JsonNode op = doc.at("/operations/" + g.id() + "." + topic + ".receive");
        assertEquals("receive", op.path("action").asText(), g.id() + " " + topic);
        assertEquals("#/channels/" + topic, op.at("/channel/$ref").asText());
        assertEquals(g.groupId("{{SITE_NAME}}"), op.at("/bindings/kafka/groupId/enum/0").asText());
        receives++;
      }
    }
    assertEquals(MODEL.catalog().topics().size() + receives, doc.get("operations").size());
  }

  @Test
  void aJsonWireFormatTopicGetsItsJsonSchemaAsPayloadAndStaysValid(@TempDir Path tmp) throws Exception {
    TestRepo repo = new TestRepo(tmp);
    repo.edit("catalog.yaml", "    key: project_id\n    retention: 30d", "    key: project_id\n    retention: 30d\n    wire_format: json");
    ContractModel model = ContractModel.load(tmp.resolve("schemas"));
    var files = Docs.generate(model, "1.2.3");
    JsonNode doc = AsyncApiDocument.YAML.readTree(files.get(Docs.ASYNCAPI));
    assertEquals(List.of(), violations(doc));
    JsonNode message = doc.at("/components/messages/ValidationCompleted");
    assertEquals("application/schema+json;version=draft-07", message.at("/payload/schemaFormat").asText());
    assertEquals(model.event("validation.completed").orElseThrow().jsonSource().root(), message.at("/payload/schema"));
    assertTrue(message.at("/bindings/kafka/schemaIdLocation").isMissingNode(), "plain JSON carries no schema id");
    assertEquals("application/schema+json;version=2020-12", AsyncApiDocument.jsonSchemaFormat(
        new ObjectMapper().readTree("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\"}")));
    assertEquals("1.2.3", doc.at("/info/version").asText());
  }
}
