package io.github.eventcontracts.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.events.ProjectGenerated;
import io.github.eventcontracts.serde.EventAvroDeserializer;
import io.github.eventcontracts.serde.EventAvroSerializer;
import io.github.eventcontracts.serde.EventJsonDeserializer;
import io.github.eventcontracts.serde.EventJsonSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Round trip (serialize + deserialize) of one {@code project.generated} event with 5 files, side by side:
 * the Avro limit (reused SpecificDatumWriter/Reader and Binary{En,De}coder, no framing, no checks), our Avro
 * serde, Apicurio Registry 2.4.2's Avro serde (Confluent framing, auto-register with if-exists RETURN, ids
 * cached); plain Jackson (bytes to tree to bytes, no validation) and our JSON serde (validating on both sides).
 * The Avro paths need the local stack's registry ({@code scripts/stack up}, REGISTRY_PORT); ids are fetched in
 * setup and cached by every serde. The JSON paths need nothing: {@code benchmarks/run 'SerdeBenchmark.json'}.
 * Run with {@code -prof gc} for bytes allocated per op.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xmx1g"})
public class SerdeBenchmark {

  /** The Avro paths, against the local stack's registry. */
  @State(Scope.Benchmark)
  public static class Avro {
    private final ProjectGenerated event = BenchEvents.projectGenerated(1);
    private String topic;

    // the limit
    private SpecificDatumWriter<ProjectGenerated> rawWriter;
    private SpecificDatumReader<ProjectGenerated> rawReader;
    private ByteArrayOutputStream rawOut;
    private BinaryEncoder rawEncoder;
    private BinaryDecoder rawDecoder;

    private EventAvroSerializer<ProjectGenerated> ourAvroSer;
    private EventAvroDeserializer<ProjectGenerated> ourAvroDe;
    private AvroKafkaSerializer<ProjectGenerated> apicurioSer;
    private AvroKafkaDeserializer<ProjectGenerated> apicurioDe;

    @Setup
    public void setup() {
      topic = "bench-serde-" + UUID.randomUUID().toString().substring(0, 8);
      rawWriter = new SpecificDatumWriter<>(ProjectGenerated.getClassSchema());
      rawReader = new SpecificDatumReader<>(ProjectGenerated.class);
      rawOut = new ByteArrayOutputStream(256);

      ourAvroSer = new EventAvroSerializer<>();
      ourAvroSer.configure(BenchEvents.ourSerdeProps(), false);
      ourAvroDe = new EventAvroDeserializer<>();
      ourAvroDe.configure(BenchEvents.ourSerdeProps(), false);

      Map<String, Object> a = new HashMap<>();
      a.put(SerdeConfig.REGISTRY_URL, BenchEvents.registryBase() + "/apis/registry/v2");
      a.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
      a.put(SerdeConfig.AUTO_REGISTER_ARTIFACT_IF_EXISTS, "RETURN");
      a.put(SerdeConfig.ENABLE_HEADERS, false);
      a.put(SerdeConfig.ENABLE_CONFLUENT_ID_HANDLER, true);
      a.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
      apicurioSer = new AvroKafkaSerializer<>();
      apicurioSer.configure(a, false);
      apicurioDe = new AvroKafkaDeserializer<>();
      apicurioDe.configure(a, false);

      // every path once: registers / looks up the ids (then cached) and checks each reads back what it wrote
      for (ProjectGenerated back : new ProjectGenerated[] {rawLimit(), ours(), apicurio()}) {
        BenchEvents.requireSame(event, back);
      }
    }

    @TearDown
    public void tearDown() {
      apicurioSer.close();
      apicurioDe.close();
    }

    ProjectGenerated rawLimit() {
      try {
        rawOut.reset();
        rawEncoder = EncoderFactory.get().binaryEncoder(rawOut, rawEncoder);
        rawWriter.write(event, rawEncoder);
        rawEncoder.flush();
        byte[] bytes = rawOut.toByteArray();
        rawDecoder = DecoderFactory.get().binaryDecoder(bytes, rawDecoder);
        return rawReader.read(null, rawDecoder);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    ProjectGenerated ours() {
      return ourAvroDe.deserialize(topic, ourAvroSer.serialize(topic, event));
    }

    ProjectGenerated apicurio() {
      return apicurioDe.deserialize(topic, apicurioSer.serialize(topic, event));
    }
  }

  /** The JSON paths: no registry. */
  @State(Scope.Benchmark)
  public static class Json {
    private final ProjectGenerated event = BenchEvents.projectGenerated(1);
    private final String topic = "bench-serde-json";
    private ObjectMapper jackson;
    private byte[] json;
    private EventJsonSerializer<ProjectGenerated> ourJsonSer;
    private EventJsonDeserializer<ProjectGenerated> ourJsonDe;

    @Setup
    public void setup() throws IOException {
      jackson = new ObjectMapper();
      ourJsonSer = new EventJsonSerializer<>();
      ourJsonDe = new EventJsonDeserializer<>(ProjectGenerated.class);
      json = EventJsonCodec.create().encodeToBytes(event);
      BenchEvents.requireSame(event, ours());
      if (!jackson.readTree(plainJackson()).equals(jackson.readTree(json))) {
        throw new IllegalStateException("plain Jackson changed the payload");
      }
    }

    byte[] plainJackson() throws IOException {
      JsonNode tree = jackson.readTree(json);
      return jackson.writeValueAsBytes(tree);
    }

    ProjectGenerated ours() {
      return ourJsonDe.deserialize(topic, ourJsonSer.serialize(topic, event));
    }
  }

  @Benchmark
  public ProjectGenerated avroRawLimit(Avro s) {
    return s.rawLimit();
  }

  @Benchmark
  public ProjectGenerated avroOurs(Avro s) {
    return s.ours();
  }

  @Benchmark
  public ProjectGenerated avroApicurio(Avro s) {
    return s.apicurio();
  }

  @Benchmark
  public byte[] jsonPlainJackson(Json s) throws IOException {
    return s.plainJackson();
  }

  @Benchmark
  public ProjectGenerated jsonOurs(Json s) {
    return s.ours();
  }
}
