package io.github.eventcontracts.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.codec.AvroBounds;
import io.github.eventcontracts.events.ProjectGenerated;
import io.github.eventcontracts.events.ProjectGeneratedData;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The crafted records of issue 7, each as a named test, run (with SerdeFuzzTest) in a JVM with a 256 MB
 * heap: every one must be refused with a SerializationException that names the topic and the reason, within
 * milliseconds, never with an Error.
 */
class HostileRecordsTest {
  private static final String TOPIC = "project.generated";
  private static StubRegistry registry;
  private static RegistryClient client;
  private static int projectId;

  @BeforeAll
  static void start() throws Exception {
    registry = new StubRegistry();
    client = new RegistryClient(RegistryConfig.of(registry.url()));
    projectId = registry.register(TOPIC + "-value",
        ContractModel.bundled().event(TOPIC).orElseThrow().avroSchema().toString());
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static ByteArrayOutputStream header(int id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
    return out;
  }

  private static void varint(ByteArrayOutputStream out, long v) {
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      out.write((int) ((z & 0x7F) | 0x80));
      z >>>= 7;
    }
    out.write((int) z);
  }

  private static void string(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    varint(out, b.length);
    out.writeBytes(b);
  }

  /** Refused with a SerializationException naming the topic, whose message holds every {@code expected}, fast. */
  private static SerializationException refused(Executable read, String... expected) {
    long start = System.nanoTime();
    SerializationException e = assertThrows(SerializationException.class, read);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 1_000, "took " + millis + " ms");
    assertTrue(e.getMessage().contains("topic '"), e.getMessage());
    for (String x : expected) {
      assertTrue(e.getMessage().contains(x), "expected '" + x + "' in: " + e.getMessage());
    }
    assertFalse(e.getMessage().contains("Cannot invoke"), e.getMessage());
    return e;
  }

  private static SpecificRecord avro(byte[] record) {
    return new EventAvroDeserializer<>(client, null).deserialize(TOPIC, record);
  }

  /** project.generated up to data.files, whose array then declares {@code count} items. */
  private static byte[] filesDeclaring(long count, int padTo) {
    ByteArrayOutputStream out = header(projectId);
    string(out, UUID.randomUUID().toString());
    string(out, "project.generated");
    varint(out, 1_737_972_000_000L);
    string(out, "p");
    string(out, "s");
    string(out, "/out");
    varint(out, count);
    while (out.size() < padTo) {
      out.write('a');
    }
    return out.toByteArray();
  }

  @Test
  void anArrayDeclaringHundredMillionItemsIn94BytesIsRefused() {
    byte[] record = filesDeclaring(100_000_000, 94);
    assertEquals(94, record.length);
    refused(() -> avro(record), "topic 'project.generated'", "array of 100000000 items declared with",
        "bytes left at data.files");
  }

  @Test
  void stringLengthsOf10e9AndNearIntMaxAreRefusedInEventIdAnd26Bytes() {
    for (long len : new long[] {1_000_000_000L, Integer.MAX_VALUE - 8L}) {
      ByteArrayOutputStream out = header(projectId);
      varint(out, len);
      while (out.size() < 26) {
        out.write('a');
      }
      byte[] record = out.toByteArray();
      assertEquals(26, record.length);
      refused(() -> avro(record), "string of " + len + " bytes declared with", "at event_id");
    }
  }

  @Test
  void aNestedStringLengthBeyondTheRecordIsRefused() {
    ByteArrayOutputStream out = header(projectId);
    string(out, UUID.randomUUID().toString());
    string(out, "project.generated");
    varint(out, 1_737_972_000_000L);
    varint(out, Integer.MAX_VALUE - 8L);
    out.writeBytes(new byte[40]);
    byte[] record = out.toByteArray();
    refused(() -> avro(record), "string of 2147483639 bytes declared with 40 bytes left at data.project_id");
  }

  @Test
  void aFileNameLengthInsideTheArrayIsCheckedToo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(filesDeclaring(2, 0));
    string(out, "ok.txt");
    varint(out, 1_000_000_000L);
    out.writeBytes(new byte[10]);
    byte[] record = out.toByteArray();
    refused(() -> avro(record), "string of 1000000000 bytes declared with 10 bytes left at data.files[]");
  }

  @Test
  void aNegativeLengthIsRefused() {
    ByteArrayOutputStream out = header(projectId);
    varint(out, -5);
    out.writeBytes(new byte[30]);
    byte[] record = out.toByteArray();
    refused(() -> avro(record), "string of -5 bytes");
  }

  /** A later version of project.generated, as another producer could register it, with one more field. */
  private static int projectGeneratedWith(String extraField) {
    String schema = ContractModel.bundled().event(TOPIC).orElseThrow().avroSchema().toString();
    int last = schema.lastIndexOf("]");
    return registry.register(TOPIC + "-value", schema.substring(0, last) + "," + extraField + schema.substring(last));
  }

  /** A valid project.generated body (after the header) with no files. */
  private static byte[] body() {
    byte[] b = filesDeclaring(0, 0);
    return java.util.Arrays.copyOfRange(b, 5, b.length);
  }

  @Test
  void anyWriterSchemaIsBoundedAnArrayOfNullsByACap() {
    int id = projectGeneratedWith("{\"name\":\"marks\",\"type\":{\"type\":\"array\",\"items\":\"null\"},\"default\":[]}");
    ByteArrayOutputStream out = header(id);
    out.writeBytes(body());
    varint(out, 100_000_000);
    varint(out, 0);
    byte[] manyNulls = out.toByteArray();
    refused(() -> avro(manyNulls), "array of 100000000 items that take no bytes declared at marks",
        "more than 65536 such items");
    ByteArrayOutputStream few = header(id);
    few.writeBytes(body());
    varint(few, 1000);
    varint(few, 0);
    byte[] record = few.toByteArray();
    assertTrue(avro(record) instanceof ProjectGenerated, "a thousand nulls are within the cap");
  }

  @Test
  void anyWriterSchemaIsBoundedDeepRecursionByADepthLimit() {
    int id = projectGeneratedWith("{\"name\":\"chain\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"Link\","
        + "\"fields\":[{\"name\":\"next\",\"type\":[\"null\",\"Link\"]}]}],\"default\":null}");
    ByteArrayOutputStream deep = header(id);
    deep.writeBytes(body());
    for (int i = 0; i < 200_000; i++) {
      varint(deep, 1);
    }
    varint(deep, 0);
    byte[] record = deep.toByteArray();
    refused(() -> avro(record), "nested deeper than 256 levels at chain");
  }

  // ---- byte-sized blocks (issue 14): a reader that skips a writer-only array or map jumps the declared size

  /** skill.created as another producer could register it: data gains {@code extraField} before data.name. */
  private static String skillCreatedSchema(String extraField) {
    String schema = ContractModel.bundled().event("skill.created").orElseThrow().avroSchema().toString();
    String name = "{\"name\":\"name\",";
    assertEquals(schema.indexOf(name), schema.lastIndexOf(name), "data.name occurs once in " + schema);
    return schema.replace(name, extraField + "," + name);
  }

  private static int skillCreatedWith(String extraField) {
    return registry.register("skill.created-value", skillCreatedSchema(extraField));
  }

  /** A skill.created record with id {@code id} whose data.skill_id is followed by {@code extra}. */
  private static byte[] skillCreated(int id, byte[] extra) {
    ByteArrayOutputStream out = header(id);
    string(out, UUID.randomUUID().toString());
    string(out, "skill.created");
    varint(out, 1_737_972_000_000L);
    string(out, "s");
    out.writeBytes(extra);
    string(out, "n");
    varint(out, 0); // description: null
    varint(out, 0); // category: null
    return out.toByteArray();
  }

  /**
   * One block of {@code count} items declared {@code blockBytes} long, holding {@code items}, then the end of
   * the array or map.
   */
  private static byte[] sizedBlock(int count, int blockBytes, byte[] items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    varint(out, -count);
    varint(out, blockBytes);
    out.writeBytes(items);
    varint(out, 0);
    return out.toByteArray();
  }

  /**
   * Six bytes that the bounds check walks as string content, but that a reader landing on them reads as the
   * end of the array or map (0) and then a length of 2^30 for data.name: 1 GB, in a 256 MB heap.
   */
  private static byte[] trap() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    varint(out, 1L << 30);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] str(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    string(out, s);
    return out.toByteArray();
  }

  @Test
  void aSkippedArrayBlockWhoseItemsDoNotFillItsDeclaredBytesIsRefused() {
    int id = skillCreatedWith("{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}}");
    byte[] item = concat(new byte[] {(byte) (trap().length * 2)}, trap()); // a string of 6 bytes: 7 bytes
    assertEquals(7, item.length);
    byte[] record = skillCreated(id, sizedBlock(1, 1, item));
    refused(() -> new EventAvroDeserializer<>(client, null).deserialize("skill.created", record),
        "topic 'skill.created'", "array block declared 1 bytes but its items take 7 at data.tags");
    // a block whose size is its items' size is skipped by the reader, and the record read
    byte[] sized = skillCreated(id, sizedBlock(2, 5, concat(str("ab"), str("c"))));
    SpecificRecord read = new EventAvroDeserializer<>(client, null).deserialize("skill.created", sized);
    assertEquals("n", ((io.github.eventcontracts.events.SkillCreated) read).getData().getName());
  }

  @Test
  void aSkippedMapBlockWhoseEntriesDoNotFillItsDeclaredBytesIsRefused() {
    int id = skillCreatedWith("{\"name\":\"attrs\",\"type\":{\"type\":\"map\",\"values\":\"string\"}}");
    byte[] entry = concat(new byte[] {(byte) (trap().length * 2)}, trap(), str("v")); // key of 7, value of 2
    byte[] record = skillCreated(id, sizedBlock(1, 1, entry));
    refused(() -> new EventAvroDeserializer<>(client, null).deserialize("skill.created", record),
        "topic 'skill.created'", "map block declared 1 bytes but its items take 9 at data.attrs");
    // a block declared longer than its entries is refused too
    byte[] longer = skillCreated(id, sizedBlock(1, 5, concat(str("k"), str("v"))));
    refused(() -> new EventAvroDeserializer<>(client, null).deserialize("skill.created", longer),
        "map block declared 5 bytes but its items take 4 at data.attrs");
    byte[] sized = skillCreated(id, sizedBlock(1, 4, concat(str("k"), str("v"))));
    SpecificRecord read = new EventAvroDeserializer<>(client, null).deserialize("skill.created", sized);
    assertEquals("n", ((io.github.eventcontracts.events.SkillCreated) read).getData().getName());
  }

  @Test
  void sizedBlocksAsAvrosBlockingEncoderWritesThemAreRead() throws Exception {
    String schema = skillCreatedSchema("{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}},"
        + "{\"name\":\"attrs\",\"type\":{\"type\":\"map\",\"values\":\"string\"}}");
    int id = registry.register("skill.created-value", schema);
    Schema writer = new Schema.Parser().parse(schema);
    GenericRecord data = new GenericData.Record(writer.getField("data").schema());
    data.put("skill_id", "s");
    data.put("tags", List.of("a", "bb", "ccc"));
    data.put("attrs", Map.of("k", "v", "kk", "vv"));
    data.put("name", "n");
    GenericRecord event = new GenericData.Record(writer);
    event.put("event_id", UUID.randomUUID().toString());
    event.put("event_type", "skill.created");
    event.put("timestamp", 1_737_972_000_000L);
    event.put("data", data);
    ByteArrayOutputStream out = header(id);
    BinaryEncoder enc = EncoderFactory.get().blockingBinaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(writer).write(event, enc);
    enc.flush();
    byte[] record = out.toByteArray();
    int tags = 5 + 1 + 36 + 1 + 13 + 6 + 2; // header, event_id, event_type, timestamp, data.skill_id
    assertEquals(5, record[tags], "the blocking encoder wrote data.tags as a sized block of 3 (zig-zag -3)");
    SpecificRecord read = new EventAvroDeserializer<>(client, null).deserialize("skill.created", record);
    assertEquals("n", ((io.github.eventcontracts.events.SkillCreated) read).getData().getName());
  }

  // ---- the writer schema's minimum sizes (issue 14): computed once per named type

  /** Level {@code i} of a record whose every level has two fields of the level below: 2^i ints. */
  private static String doubling(int i) {
    if (i == 0) {
      return "{\"type\":\"record\",\"name\":\"T0\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
    }
    return "{\"type\":\"record\",\"name\":\"T" + i + "\",\"fields\":[{\"name\":\"a\",\"type\":" + doubling(i - 1)
        + "},{\"name\":\"b\",\"type\":\"T" + (i - 1) + "\"}]}";
  }

  @Test
  void aSchemaReusingANamedTypeAtEachOf40LevelsIsCompiledFast() {
    Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Root\",\"fields\":[{\"name\":\"deep\","
        + "\"type\":{\"type\":\"array\",\"items\":" + doubling(40) + "}}]}");
    // walking each use of each named type again takes 2^40 steps: hours
    AvroBounds bounds = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> AvroBounds.of(schema));
    bounds.check(new byte[] {0}, 0, 1); // no items
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> bounds.check(new byte[] {2, 0, 0}, 0, 3));
    assertTrue(e.getMessage().contains("each item takes at least 1099511627776 bytes"), e.getMessage());
  }

  @Test
  void theMinimumSizeOfATypeInsideACycleIsExact() {
    // X holds R, R holds an int and maybe an X: an X takes at least 2 bytes. Taken as the zero bytes it
    // seems to take while R is being sized, more than MAX_EMPTY_ITEMS of them would be refused.
    Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Root\",\"fields\":["
        + "{\"name\":\"r\",\"type\":{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
        + "{\"name\":\"b\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"r\",\"type\":\"R\"}]}]}]}},"
        + "{\"name\":\"xs\",\"type\":{\"type\":\"array\",\"items\":\"X\"}}]}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    varint(out, 7); // r.a
    varint(out, 0); // r.b: null
    int count = AvroBounds.MAX_EMPTY_ITEMS + 10;
    varint(out, count);
    for (int i = 0; i < count; i++) {
      varint(out, i); // xs[i].r.a
      varint(out, 0); // xs[i].r.b: null
    }
    varint(out, 0);
    byte[] data = out.toByteArray();
    AvroBounds.of(schema).check(data, 0, data.length);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AvroBounds.of(schema).check(data, 0, 2 + 3 + 10));
    assertTrue(e.getMessage().contains("(each item takes at least 2 bytes)"), e.getMessage());
  }

  // ---- int varints read as Avro reads them (issue 14)

  @Test
  void anIntWhoseFifthByteHoldsMoreThan32BitsIsRefused() {
    // Avro's readInt drops the bits of a fifth byte above 0x0F: FF FF FF FF 1F is -2^31 to it, not 0
    ByteArrayOutputStream out = header(registry.register("skill.created-value",
        ContractModel.bundled().event("skill.created").orElseThrow().avroSchema().toString()));
    string(out, UUID.randomUUID().toString());
    string(out, "skill.created");
    varint(out, 1_737_972_000_000L);
    string(out, "s");
    string(out, "n");
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x1F}); // description
    varint(out, 0); // category: null
    byte[] record = out.toByteArray();
    refused(() -> new EventAvroDeserializer<>(client, null).deserialize("skill.created", record),
        "topic 'skill.created'", "invalid int encoding (a fifth byte of 0x1f holds more than 32 bits) at "
            + "data.description");
  }

  @Test
  void aFiveByteIndexIsAcceptedOnlyWhenAvroReadsItInRange() throws Exception {
    Schema twoSymbols = new Schema.Parser().parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}");
    AvroBounds bounds = AvroBounds.of(twoSymbols);
    int accepted = 0;
    for (int first : new int[] {0x80, 0x81, 0x82, 0xFF}) {
      for (int fifth = 0; fifth < 0x100; fifth++) {
        byte[] b = {(byte) first, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) fifth};
        boolean avroInRange;
        try {
          int i = DecoderFactory.get().binaryDecoder(b, null).readEnum();
          avroInRange = i >= 0 && i < 2;
        } catch (java.io.IOException e) {
          avroInRange = false;
        }
        boolean checked;
        try {
          bounds.check(b, 0, b.length);
          checked = true;
        } catch (IllegalArgumentException e) {
          checked = false;
        }
        // a fifth byte above 0x0F is refused even where Avro, dropping its high bits, reads an index in range
        assertEquals(avroInRange && fifth <= 0x0F, checked, "enum index " + HexFormat.of().formatHex(b));
        accepted += checked ? 1 : 0;
      }
    }
    assertEquals(2, accepted, "80 80 80 80 00 and 82 80 80 80 00 (0 and 1, overlong but read)");
  }

  @Test
  void aValidRecordIsStillRead() {
    ProjectGenerated event = ProjectGenerated.newBuilder()
        .setEventId(UUID.randomUUID()).setTimestamp(Instant.ofEpochMilli(1_737_972_000_000L))
        .setData(ProjectGeneratedData.newBuilder().setProjectId("p").setSkillId("s").setOutputPath("/o")
            .setFiles(List.of("a", "b", "c", "d", "e")).build())
        .build();
    byte[] record = new EventAvroSerializer<ProjectGenerated>(client).serialize(TOPIC, event);
    assertEquals(event, avro(record));
  }

  // ---- JSON

  private static final byte[] VALID_JSON = ("{\"event_id\":\"9d2c7b4e-6a1f-4c3b-8e5d-0f9a8b7c6d02\","
      + "\"event_type\":\"project.generated\",\"timestamp\":\"2025-01-27T10:00:00Z\",\"data\":{\"project_id\":\"p\","
      + "\"skill_id\":\"s\",\"output_path\":\"/o\",\"files\":[\"a\"]}}").getBytes(StandardCharsets.UTF_8);

  private static SpecificRecord json(byte[] record) {
    return new EventJsonDeserializer<>().deserialize(TOPIC, record);
  }

  private static byte[] withProjectId(String rawJsonValue) {
    return new String(VALID_JSON, StandardCharsets.UTF_8).replace("\"project_id\":\"p\"", "\"project_id\":" + rawJsonValue)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void jsonNested100000DeepIsRefusedForItsDepth() {
    byte[] record = withProjectId("[".repeat(100_000) + "]".repeat(100_000));
    refused(() -> json(record), "nested deeper than 64 levels");
  }

  @Test
  void aJsonStringOf30MegabytesIsRefusedForItsLength() {
    byte[] record = withProjectId("\"" + "x".repeat(30_000_000) + "\"");
    refused(() -> json(record), "string longer than 4000000 characters");
  }

  @Test
  void aJsonNumberOf200000DigitsIsRefusedForItsLength() {
    byte[] record = withProjectId("1".repeat(200_000));
    refused(() -> json(record), "number longer than 1000 digits");
  }

  @Test
  void trailingDataAfterTheEventIsRefused() {
    byte[] record = (new String(VALID_JSON, StandardCharsets.UTF_8) + " {\"more\":1}").getBytes(StandardCharsets.UTF_8);
    refused(() -> json(record), "trailing data after the event");
  }

  @Test
  void aLoneSurrogateIsRefused() {
    refused(() -> json(withProjectId("\"\\ud800\"")), "$.data.project_id", "lone UTF-16 surrogate");
    refused(() -> json(withProjectId("\"a\\udc00b\"")), "lone UTF-16 surrogate");
    // an encoded surrogate (CESU-style bytes ED A0 80) is no UTF-8 either
    byte[] cesu = withProjectId("\"\u0000\"");
    int at = new String(cesu, StandardCharsets.UTF_8).indexOf('\u0000');
    byte[] bytes = new byte[cesu.length + 2];
    System.arraycopy(cesu, 0, bytes, 0, at);
    bytes[at] = (byte) 0xED;
    bytes[at + 1] = (byte) 0xA0;
    bytes[at + 2] = (byte) 0x80;
    System.arraycopy(cesu, at + 1, bytes, at + 3, cesu.length - at - 1);
    refused(() -> json(bytes));
    // a surrogate pair is text, and is read
    assertTrue(json(withProjectId("\"\\ud83d\\ude00\"")) instanceof ProjectGenerated);
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] record = withProjectId("\"\u0000\"");
    int at = new String(record, StandardCharsets.UTF_8).indexOf('\u0000');
    record[at] = (byte) 0xFF;
    refused(() -> json(record), "not valid UTF-8");
    byte[] overlong = withProjectId("\"\u0000\u0000\"");
    int o = new String(overlong, StandardCharsets.UTF_8).indexOf('\u0000');
    overlong[o] = (byte) 0xC0;
    overlong[o + 1] = (byte) 0x80;
    refused(() -> json(overlong), "not valid UTF-8");
  }

  @Test
  void duplicateKeysStayRefused() {
    byte[] record = withProjectId("\"p\",\"project_id\":\"q\"");
    refused(() -> json(record), "Duplicate field 'project_id'");
  }
}
