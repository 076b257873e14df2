package io.github.eventcontracts.compat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.codec.EventAvroCodec;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.model.CompatibilityLevel;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.SchemaFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden payloads: compat-tests/golden/&lt;event&gt;/v&lt;N&gt;/ holds the schemas of released version N
 * (schema.avsc, schema.json) and sample messages written with it (NAME.json, and NAME.avro: Avro binary
 * written with that version's schema). The current schemas and generated classes must read every one of
 * them, and where the catalog's level includes FORWARD, every old schema must read data written now.
 *
 * <p>To add the binaries for new samples, run {@code mvn -pl compat-tests test -Dgolden.write=true}: it
 * writes a missing NAME.avro with the version's own schema (only for the current version, whose classes
 * are the ones compiled), then commit them.
 */
class GoldenPayloadsTest {
  private static final ContractModel MODEL = ContractModel.load(Repo.root().resolve("schemas"));
  private static final EventJsonCodec CODEC = new EventJsonCodec(MODEL);
  private static final Path GOLDEN = Repo.root().resolve("compat-tests/golden");

  record Sample(String event, String version, Path json) {
    Path avro() {
      return json.resolveSibling(json.getFileName().toString().replace(".json", ".avro"));
    }

    Path schema(String ext) {
      return json.resolveSibling("schema" + ext);
    }

    @Override
    public String toString() {
      return event + "/" + version + "/" + json.getFileName();
    }
  }

  static List<Sample> samples() {
    List<Sample> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(GOLDEN)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("schema.json"))
          .sorted().toList()) {
        Path versionDir = p.getParent();
        out.add(new Sample(versionDir.getParent().getFileName().toString(), versionDir.getFileName().toString(), p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void everyEventHasGoldenSamplesOfItsCurrentSchema() throws IOException {
    for (EventContract e : MODEL.events()) {
      Path dir = GOLDEN.resolve(e.eventType());
      assertTrue(Files.isDirectory(dir), "no golden samples for " + e.eventType() + " under " + dir);
      boolean currentReleased = false;
      try (Stream<Path> versions = Files.list(dir)) {
        for (Path v : versions.toList()) {
          Schema released = new Schema.Parser().parse(v.resolve("schema.avsc").toFile());
          currentReleased |= released.equals(e.avroSchema());
        }
      }
      assertTrue(currentReleased, e.eventType() + ": the current Avro schema is not among the released versions "
          + "under " + dir + "; add a folder v<N+1> with schema.avsc, schema.json and sample messages");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void currentClassesReadOldJson(Sample s) throws IOException {
    SpecificRecord event = CODEC.decode(Files.readString(s.json()));
    assertEquals(s.event(), MODEL.catalog().topicForEvent(s.event()).orElseThrow().eventType());
    assertDoesNotThrow(() -> CODEC.encode(event));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void currentClassesReadOldAvroBinary(Sample s) throws IOException {
    EventContract e = MODEL.event(s.event()).orElseThrow();
    Schema writer = new Schema.Parser().parse(s.schema(".avsc").toFile());
    if (!Files.exists(s.avro()) && Boolean.getBoolean("golden.write") && writer.equals(e.avroSchema())) {
      Files.write(s.avro(), EventAvroCodec.encode(CODEC.decode(Files.readString(s.json()))));
    }
    assertTrue(Files.exists(s.avro()), "missing " + s.avro() + ": write it with the version's schema "
        + "(mvn -pl compat-tests test -Dgolden.write=true while that version is current) and commit it");
    SpecificRecord fromAvro = EventAvroCodec.decode(Files.readAllBytes(s.avro()), writer, CODEC.classOf(s.event()));
    String json = CODEC.encode(fromAvro);
    if (writer.equals(e.avroSchema())) {
      assertEquals(CODEC.decode(Files.readString(s.json())), fromAvro, "the binary and the JSON sample differ");
    }
    assertTrue(json.contains(s.event()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void oldSchemasReadDataWrittenNowWhereTheLevelIsForward(Sample s) throws IOException {
    EventContract e = MODEL.event(s.event()).orElseThrow();
    CompatibilityLevel level = e.topic().compatibility(SchemaFormat.AVRO);
    if (!level.forward()) {
      return; // the catalog does not promise that old readers read new data for this event
    }
    Schema oldReader = new Schema.Parser().parse(s.schema(".avsc").toFile());
    // data written now: the sample, read by the current classes and written with the current schema
    byte[] now = EventAvroCodec.encode(CODEC.decode(Files.readString(s.json())));
    GenericRecord read = new GenericDatumReader<GenericRecord>(e.avroSchema(), oldReader)
        .read(null, DecoderFactory.get().binaryDecoder(now, null));
    assertEquals(s.event(), read.get("event_type").toString());
  }
}
