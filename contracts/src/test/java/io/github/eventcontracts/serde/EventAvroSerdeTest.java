package io.github.eventcontracts.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcontracts.codec.EventAvroCodec;
import io.github.eventcontracts.events.ProjectCompleted;
import io.github.eventcontracts.events.ProjectCompletedData;
import io.github.eventcontracts.events.ProjectCompletionStatus;
import io.github.eventcontracts.events.SkillCreated;
import io.github.eventcontracts.events.SkillCreatedData;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Confluent wire format against an in-process stub registry: framing, lookup, resolution, errors. */
class EventAvroSerdeTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ContractModel MODEL = ContractModel.bundled();
  private static final String SKILL_SCHEMA = MODEL.event("skill.created").orElseThrow().avroSchema().toString();

  private StubRegistry registry;

  @BeforeEach
  void start() throws Exception {
    registry = new StubRegistry();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  static SkillCreated skill(String id, String category) {
    return SkillCreated.newBuilder()
        .setEventId(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
        .setTimestamp(Instant.parse("2025-01-27T10:00:00.123Z"))
        .setData(SkillCreatedData.newBuilder().setSkillId(id).setName("my-skill").setCategory(category).build())
        .build();
  }

  private Map<String, Object> props(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    m.put(EventSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private <T extends SpecificRecord> EventAvroSerializer<T> serializer(Object... kv) {
    EventAvroSerializer<T> s = new EventAvroSerializer<>();
    s.configure(props(kv), false);
    return s;
  }

  private EventAvroDeserializer<SpecificRecord> deserializer(Object... kv) {
    EventAvroDeserializer<SpecificRecord> d = new EventAvroDeserializer<>();
    d.configure(props(kv), false);
    return d;
  }

  @Test
  void writesMagicByteThenTheRegisteredIdThenAvroBinary() {
    int id = registry.register("skill.created-value", SKILL_SCHEMA);
    SkillCreated event = skill("skill-1", "tools");

    byte[] wire = serializer().serialize("skill.created", event);

    assertEquals(0, wire[0], "magic byte");
    assertEquals(id, ByteBuffer.wrap(wire, 1, 4).getInt(), "4-byte big-endian schema id");
    assertArrayEquals(EventAvroCodec.encode(event), Arrays.copyOfRange(wire, 5, wire.length), "Avro binary");
    assertEquals(event, deserializer().deserialize("skill.created", wire));
  }

  @Test
  void looksUpExactlyTheSchemaTextTheToolingRegistersAndCachesTheId() throws Exception {
    registry.register("skill.created-value", SKILL_SCHEMA);
    EventAvroSerializer<SkillCreated> s = serializer();
    for (int i = 0; i < 5; i++) {
      s.serialize("skill.created", skill("skill-" + i, null));
    }
    var lookups = registry.requests("POST", "/subjects/skill.created-value");
    assertEquals(1, lookups.size(), "the id must be cached per subject: " + registry.requests);
    String sent = MAPPER.readTree(lookups.get(0).body()).get("schema").asText();
    assertEquals(SKILL_SCHEMA, sent);
    assertFalse(sent.contains("avro.java.string"), "the generated class's SCHEMA$ is not what is registered");
    assertEquals(0, registry.requests("POST", "/subjects/skill.created-value/versions").size(), "no registration");
  }

  @Test
  void theSubjectComesFromTheTopicTheSchemaFromTheEvent() {
    int id = registry.register("it42.skill.created-value", SKILL_SCHEMA);
    byte[] wire = serializer().serialize("it42.skill.created", skill("s", null));
    assertEquals(id, ByteBuffer.wrap(wire, 1, 4).getInt());

    int keyId = registry.register("it42.skill.created-key", SKILL_SCHEMA);
    EventAvroSerializer<SkillCreated> keys = new EventAvroSerializer<>();
    keys.configure(props(), true);
    keys.serialize("it42.skill.created", skill("s", null));
    assertEquals(1, registry.requests("POST", "/subjects/it42.skill.created-key").size());
    assertEquals(keyId, ByteBuffer.wrap(keys.serialize("it42.skill.created", skill("s", null)), 1, 4).getInt());
  }

  @Test
  void anUnregisteredSubjectFailsNamingTheSubjectAndTheCommand() {
    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer().serialize("skill.created", skill("s", null)));
    assertTrue(e.getMessage().contains("'skill.created-value'"), e.getMessage());
    assertTrue(e.getMessage().contains("run scripts/contracts register"), e.getMessage());
    assertTrue(e.getMessage().contains("topic 'skill.created'"), e.getMessage());

    registry.register("skill.created-value", "{\"type\":\"record\",\"name\":\"Other\",\"fields\":[]}");
    SerializationException other = assertThrows(SerializationException.class,
        () -> serializer().serialize("skill.created", skill("s", null)));
    assertTrue(other.getMessage().contains("has versions [1]"), other.getMessage());
    assertEquals(0, registry.requests("POST", "/subjects/skill.created-value/versions").size(), "nothing registered");
  }

  @Test
  void aRegistryThatReordersTheSchemasFieldsIsRefusedBeforeAnythingIsWritten() throws Exception {
    int id = registry.register("skill.created-value", SKILL_SCHEMA);
    // what Apicurio 2.4 with registry.ccompat.use-canonical-hash returns: the same fields, sorted by name
    ObjectNode canonical = (ObjectNode) MAPPER.readTree(SKILL_SCHEMA);
    List<com.fasterxml.jackson.databind.JsonNode> fields = new ArrayList<>();
    canonical.get("fields").forEach(fields::add);
    fields.sort(java.util.Comparator.comparing(f -> f.get("name").asText()));
    canonical.putArray("fields").addAll(fields);
    registry.returnById(id, canonical.toString());

    SerializationException e = assertThrows(SerializationException.class,
        () -> serializer().serialize("skill.created", skill("s", null)));
    assertTrue(e.getMessage().contains("returns schema id " + id) && e.getMessage().contains("use-canonical-hash"),
        e.getMessage());
  }

  @Test
  void autoRegisterRegistersTheBundledSchema() throws Exception {
    byte[] wire = serializer(EventSerdeConfig.AUTO_REGISTER_SCHEMAS, "true").serialize("skill.created", skill("s", null));
    var registrations = registry.requests("POST", "/subjects/skill.created-value/versions");
    assertEquals(1, registrations.size());
    assertEquals(SKILL_SCHEMA, MAPPER.readTree(registrations.get(0).body()).get("schema").asText());
    assertEquals(registry.register("skill.created-value", SKILL_SCHEMA), ByteBuffer.wrap(wire, 1, 4).getInt());
  }

  @Test
  void readsDataWrittenWithAnOlderVersionThroughSchemaResolution() throws Exception {
    // v0 of skill.created: no optional 'category' yet
    ObjectNode v0 = (ObjectNode) MAPPER.readTree(SKILL_SCHEMA);
    ArrayNode dataFields = (ArrayNode) v0.get("fields").get(3).get("type").get("fields");
    for (int i = 0; i < dataFields.size(); i++) {
      if (dataFields.get(i).get("name").asText().equals("category")) {
        dataFields.remove(i);
      }
    }
    Schema old = new Schema.Parser().parse(v0.toString());
    registry.putSchema(7, old.toString());

    GenericRecord data = new GenericData.Record(old.getField("data").schema());
    data.put("skill_id", "skill-9");
    data.put("name", "old-skill");
    data.put("description", "written by v0");
    GenericRecord rec = new GenericData.Record(old);
    rec.put("event_id", "123e4567-e89b-12d3-a456-426614174000");
    rec.put("event_type", "skill.created");
    rec.put("timestamp", 1737972000000L);
    rec.put("data", data);

    SpecificRecord read = deserializer().deserialize("skill.created", frame(7, avro(old, rec)));

    SkillCreated back = assertInstanceOf(SkillCreated.class, read);
    assertEquals("skill-9", back.getData().getSkillId());
    assertEquals("written by v0", back.getData().getDescription());
    assertNull(back.getData().getCategory(), "a field the writer did not have takes its default");
    assertEquals(Instant.ofEpochMilli(1737972000000L), back.getTimestamp());
    assertEquals(1, registry.requests("GET", "/schemas/ids/7").size());
    deserializer().deserialize("skill.created", frame(7, avro(old, rec)));
  }

  @Test
  void readsDataWrittenWithANewerVersionIgnoringTheNewField() throws Exception {
    ObjectNode v2 = (ObjectNode) MAPPER.readTree(SKILL_SCHEMA);
    ((ArrayNode) v2.get("fields").get(3).get("type").get("fields")).addObject()
        .put("name", "owner").putNull("default").putArray("type").add("null").add("string");
    Schema newer = new Schema.Parser().parse(v2.toString());
    registry.putSchema(8, newer.toString());
    GenericRecord data = new GenericData.Record(newer.getField("data").schema());
    data.put("skill_id", "skill-2");
    data.put("name", "n");
    data.put("owner", "alice");
    GenericRecord rec = new GenericData.Record(newer);
    rec.put("event_id", "123e4567-e89b-12d3-a456-426614174000");
    rec.put("event_type", "skill.created");
    rec.put("timestamp", 1L);
    rec.put("data", data);

    SkillCreated back = new EventAvroDeserializer<>(new RegistryClient(RegistryConfig.of(registry.url())), SkillCreated.class)
        .deserialize("t", frame(8, avro(newer, rec)));
    assertEquals("skill-2", back.getData().getSkillId());
  }

  @Test
  void dispatchesOnTheWriterSchemaOrReadsIntoTheConfiguredClass() {
    registry.register("skill.created-value", SKILL_SCHEMA);
    registry.register("project.completed-value", MODEL.event("project.completed").orElseThrow().avroSchema().toString());
    ProjectCompleted done = ProjectCompleted.newBuilder().setEventId(UUID.randomUUID()).setTimestamp(Instant.ofEpochMilli(5))
        .setData(ProjectCompletedData.newBuilder().setProjectId("p-1").setDurationMs(5000)
            .setStatus(ProjectCompletionStatus.success).build()).build();
    EventAvroSerializer<SpecificRecord> s = serializer();
    byte[] skillWire = s.serialize("skill.created", skill("s", null));
    byte[] doneWire = s.serialize("project.completed", done);

    EventAvroDeserializer<SpecificRecord> any = deserializer();
    assertInstanceOf(SkillCreated.class, any.deserialize("skill.created", skillWire));
    assertEquals(done, any.deserialize("project.completed", doneWire));

    EventAvroDeserializer<SpecificRecord> typed = deserializer(EventSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, SkillCreated.class.getName());
    assertInstanceOf(SkillCreated.class, typed.deserialize("skill.created", skillWire));
    SerializationException e = assertThrows(SerializationException.class, () -> typed.deserialize("project.completed", doneWire));
    assertTrue(e.getMessage().contains("written as io.github.eventcontracts.events.ProjectCompleted"), e.getMessage());
  }

  @Test
  void corruptInputIsReportedForWhatItIs() {
    int id = registry.register("skill.created-value", SKILL_SCHEMA);
    byte[] wire = serializer().serialize("skill.created", skill("skill-1", "c"));
    EventAvroDeserializer<SpecificRecord> d = deserializer();

    assertNull(d.deserialize("skill.created", null), "a tombstone stays null");

    SerializationException shortData = assertThrows(SerializationException.class,
        () -> d.deserialize("skill.created", new byte[] {0, 0, 1}));
    assertTrue(shortData.getMessage().contains("3 byte(s) is too short"), shortData.getMessage());

    SerializationException json = assertThrows(SerializationException.class,
        () -> d.deserialize("skill.created", "{\"event_type\":\"skill.created\"}".getBytes()));
    assertTrue(json.getMessage().contains("unknown magic byte 0x7b") && json.getMessage().contains("plain JSON"), json.getMessage());

    byte[] badMagic = wire.clone();
    badMagic[0] = 1;
    SerializationException magic = assertThrows(SerializationException.class, () -> d.deserialize("skill.created", badMagic));
    assertTrue(magic.getMessage().contains("unknown magic byte 0x01"), magic.getMessage());

    byte[] unknownId = wire.clone();
    ByteBuffer.wrap(unknownId).putInt(1, 424242);
    SerializationException unknown = assertThrows(SerializationException.class, () -> d.deserialize("skill.created", unknownId));
    assertTrue(unknown.getMessage().contains("schema id 424242 is unknown to the registry"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("topic 'skill.created'"), unknown.getMessage());

    byte[] truncated = Arrays.copyOf(wire, wire.length - 4);
    SerializationException cut = assertThrows(SerializationException.class, () -> d.deserialize("skill.created", truncated));
    assertTrue(cut.getMessage().contains("truncated or corrupt") && cut.getMessage().contains("schema id " + id), cut.getMessage());

    byte[] trailing = Arrays.copyOf(wire, wire.length + 2);
    SerializationException extra = assertThrows(SerializationException.class, () -> d.deserialize("skill.created", trailing));
    assertTrue(extra.getMessage().contains("trailing bytes"), extra.getMessage());

    registry.putSchema(9, "{\"type\":\"object\",\"properties\":{}}");
    byte[] jsonSchemaId = wire.clone();
    ByteBuffer.wrap(jsonSchemaId).putInt(1, 9);
    SerializationException notAvro = assertThrows(SerializationException.class, () -> d.deserialize("t", jsonSchemaId));
    assertTrue(notAvro.getMessage().contains("schema id 9 is not an Avro schema"), notAvro.getMessage());
  }

  @Test
  void configurationIsCheckedAndCredentialsAreSent() {
    EventAvroSerializer<SkillCreated> s = new EventAvroSerializer<>();
    ConfigException missing = assertThrows(ConfigException.class, () -> s.configure(Map.of(), false));
    assertTrue(missing.getMessage().contains("schema.registry.url is required"), missing.getMessage());
    assertThrows(ConfigException.class, () -> s.configure(props(EventSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
        "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false));
    assertThrows(ConfigException.class, () -> deserializer(EventSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, "java.lang.String"));

    registry.register("skill.created-value", SKILL_SCHEMA);
    serializer(EventSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        EventSerdeConfig.BASIC_AUTH_USER_INFO, "alice:s3cret").serialize("skill.created", skill("s", null));
    assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("alice:s3cret".getBytes()),
        registry.requests.get(registry.requests.size() - 1).authorization());
    serializer(EventSerdeConfig.BEARER_AUTH_TOKEN, "tok-1").serialize("skill.created", skill("s", null));
    assertEquals("Bearer tok-1", registry.requests.get(registry.requests.size() - 1).authorization());
  }

  @Test
  void theSerdeRoundTrips() {
    registry.register("skill.created-value", SKILL_SCHEMA);
    try (EventAvroSerde<SkillCreated> serde = new EventAvroSerde<>(SkillCreated.class)) {
      serde.configure(props(), false);
      SkillCreated event = skill("skill-7", null);
      assertEquals(event, serde.deserializer().deserialize("skill.created", serde.serializer().serialize("skill.created", event)));
    }
  }

  private static byte[] avro(Schema schema, GenericRecord rec) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(rec, enc);
    enc.flush();
    return out.toByteArray();
  }

  private static byte[] frame(int id, byte[] avro) {
    return ByteBuffer.allocate(5 + avro.length).put((byte) 0).putInt(id).put(avro).array();
  }
}
