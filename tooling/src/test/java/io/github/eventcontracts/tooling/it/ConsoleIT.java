package io.github.eventcontracts.tooling.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.tooling.TestRepo;
import io.github.eventcontracts.tooling.console.ConsoleConsumer;
import io.github.eventcontracts.tooling.console.RecordDecoder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code contracts produce} and {@code contracts consume} against the real broker and registry of the local
 * stack: the catalog's topics are created and its subjects registered by the CLI (under a unique prefix),
 * events are sent from files, and read back as the JSON the codec writes, whatever their wire format.
 */
@ExtendWith(LocalStack.class)
class ConsoleIT {
  private static final EventJsonCodec CODEC = EventJsonCodec.create();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;

  static TestRepo repo;
  static String prefix;
  static ContractModel model;

  @BeforeAll
  static void provision() throws Exception {
    repo = Topics.uniqueTopics(new TestRepo(Files.createDirectories(tmp.resolve("repo"))));
    prefix = Topics.prefix(repo);
    model = ContractModel.load(repo.dir.resolve("schemas"));
    provision(repo);
  }

  private static void provision(TestRepo r) {
    TestRepo.Run register = r.contracts("register", "--registry", LocalStack.REGISTRY);
    assertEquals(0, register.exit(), register.out() + register.err());
    TestRepo.Run topics = r.contracts("topics", "--bootstrap-servers", LocalStack.BOOTSTRAP, "--replication-factor-override", "1");
    assertEquals(0, topics.exit(), topics.out() + topics.err());
  }

  @AfterAll
  static void cleanUp() {
    Topics.cleanUp(prefix, model.catalog().topics().stream().map(Topic::name).toList());
  }

  /** Runs the CLI in this JVM against the test repository and the local stack. */
  private static TestRepo.Run contracts(TestRepo r, String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "--bootstrap-servers", LocalStack.BOOTSTRAP, "--registry",
        LocalStack.REGISTRY));
    all.addAll(List.of(args));
    return r.contracts(all.toArray(String[]::new));
  }

  private static TestRepo.Run contracts(String command, String... args) {
    return contracts(repo, command, args);
  }

  private static Path file(String name, String... lines) throws Exception {
    return Files.writeString(tmp.resolve(name), String.join("\n", lines) + "\n");
  }

  /** An event of the given type from its golden sample, with a fresh id, the given key and one more change. */
  private static String event(String eventType, String key, String field, Object value) throws Exception {
    Path sample;
    try (Stream<Path> s = Files.list(TestRepo.repoRoot().resolve("compat-tests/golden/" + eventType + "/v1"))) {
      sample = s.filter(p -> p.getFileName().toString().equals("seed.json")).findFirst().orElseThrow();
    }
    com.fasterxml.jackson.databind.node.ObjectNode e = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(sample.toFile());
    e.put("event_id", UUID.randomUUID().toString());
    com.fasterxml.jackson.databind.node.ObjectNode data = (com.fasterxml.jackson.databind.node.ObjectNode) e.get("data");
    data.put(model.event(eventType).orElseThrow().topic().keyField(), key);
    if (field != null) {
      data.set(field, JSON.valueToTree(value));
    }
    return CODEC.encode(CODEC.decode(e.toString()));   // in the codec's own form, so printed lines compare equal
  }

  private static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void bothWireFormatsAndBadRecordsOnOneTopicAreReadBackInOrderAndTheBadOnesReported() throws Exception {
    String topic = prefix + "skill.updated";
    String avro1 = event("skill.updated", "skill-42", "changes", List.of("name"));
    String avro2 = event("skill.updated", "skill-42", "changes", List.of("name", "description"));
    String json3 = event("skill.updated", "skill-42", "changes", List.of("category"));

    TestRepo.Run sentAvro = contracts("produce", "--file", file("avro.jsonl", avro1, avro2).toString());
    assertEquals(0, sentAvro.exit(), sentAvro.out() + sentAvro.err());
    assertEquals("Sent 2 events: 2 to " + topic + " (avro).", sentAvro.out().strip());
    TestRepo.Run sentJson = contracts("produce", "--format", "json", "--file", file("json.jsonl", json3).toString());
    assertEquals(0, sentJson.exit(), sentJson.out() + sentJson.err());
    assertEquals("Sent 1 event: 1 to " + topic + " (json).", sentJson.out().strip());

    // what no producer of ours would write: the same key, so the same partition, in this order
    byte[] key = "skill-42".getBytes(StandardCharsets.UTF_8);
    List<byte[]> bad = new ArrayList<>();
    bad.add("not json at all".getBytes(StandardCharsets.UTF_8));
    bad.add(new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff, 0x01, 2, 3});                      // Avro, unknown schema id
    bad.add(json3.replace("\"changes\"", "\"changez\"").getBytes(StandardCharsets.UTF_8));   // JSON, not the contract
    bad.add(null);                                                                          // a tombstone
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        LocalStack.BOOTSTRAP), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[] value : bad) {
        raw.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
      }
    }

    // really two wire formats on the topic: magic byte 0 twice, then '{'
    List<ConsumerRecord<byte[], byte[]>> records = rawRecords(topic, 7);
    assertEquals(List.of(0, 0, (int) '{'), records.subList(0, 3).stream().map(r -> (int) r.value()[0]).toList());
    int partition = records.get(0).partition();

    TestRepo.Run all = contracts("consume", topic, "--from-beginning", "--timeout-ms", "3000");
    assertEquals(100, all.exit(), all.out() + all.err());
    assertEquals(List.of(avro1, avro2, json3), lines(all.out()), "each event as the codec writes it, in order");
    List<String> errors = lines(all.err()).stream().filter(l -> l.startsWith("undecodable record")).toList();
    assertEquals(4, errors.size(), all.err());
    for (int i = 0; i < 4; i++) {
      assertTrue(errors.get(i).startsWith("undecodable record at " + topic + " partition " + partition + " offset " + (3 + i)
          + ": "), errors.get(i));
    }
    assertTrue(errors.get(0).contains("JSON: ") && errors.get(0).contains("not well-formed JSON"), errors.get(0));
    assertTrue(errors.get(1).contains("Avro: ") && errors.get(1).contains("schema id 2147483393"), errors.get(1));
    assertTrue(errors.get(2).contains("$.data") && errors.get(2).contains("changez"), errors.get(2));
    assertTrue(errors.get(3).contains("tombstone"), errors.get(3));
    assertTrue(all.err().contains("Read 7 records: 3 printed, 4 could not be decoded."), all.err());

    TestRepo.Run four = contracts("consume", topic, "--from-beginning", "--max-messages", "4");
    assertEquals(100, four.exit(), four.out() + four.err());
    assertEquals(3, lines(four.out()).size(), four.out());
    assertTrue(four.err().contains("Read 4 records: 3 printed, 1 could not be decoded."), four.err());

    TestRepo.Run meta = contracts("consume", topic, "--from-beginning", "--max-messages", "1", "--print-metadata");
    assertEquals(0, meta.exit(), meta.out() + meta.err());
    JsonNode m = JSON.readTree(meta.out().strip());
    assertEquals(topic, m.get("topic").asText());
    assertEquals(partition, m.get("partition").asInt());
    assertEquals(0, m.get("offset").asLong());
    assertEquals("skill-42", m.get("key").asText());
    assertEquals(records.get(0).timestamp(), java.time.Instant.parse(m.get("timestamp").asText()).toEpochMilli());
    assertTrue(meta.out().strip().endsWith(",\"value\":" + avro1 + "}"), meta.out());
  }

  @Test
  void eachValidLineGoesToItsCatalogTopicWithItsCatalogKeyAndInvalidLinesAreReportedNotSent() throws Exception {
    String skill = event("skill.created", "skill-7", null, null);
    String project = event("project.completed", "project-7", null, null);
    String validation = event("validation.completed", "project-7", null, null);
    Path input = file("mixed.jsonl", skill, "{\"event_type\":\"skill.created\",\"data\":{}}", "", project, validation);

    TestRepo.Run dry = contracts("produce", "--dry-run", "--file", input.toString());
    assertEquals(100, dry.exit(), dry.out() + dry.err());
    assertTrue(dry.out().contains("Nothing was sent."), dry.out());

    TestRepo.Run run = contracts("produce", "--file", input.toString());
    assertEquals(100, run.exit(), run.out() + run.err());
    assertTrue(run.err().startsWith(input + ":2: invalid skill.created event ("), run.err());
    assertTrue(run.err().contains("$.data: required property 'skill_id' not found"), run.err());
    assertEquals("Sent 3 events: 1 to " + prefix + "skill.created (avro), 1 to " + prefix + "project.completed (avro), 1 to "
        + prefix + "validation.completed (avro); 1 invalid line not sent (reported above).", run.out().strip());

    TestRepo.Run read = contracts("consume", prefix + "skill.created", prefix + "project.completed",
        prefix + "validation.completed", "--from-beginning", "--timeout-ms", "3000", "--print-metadata");
    assertEquals(0, read.exit(), read.out() + read.err());
    Map<String, JsonNode> byTopic = new HashMap<>();
    int mine = 0;   // another test writes to skill.created too, with its own key
    for (String line : lines(read.out())) {
      JsonNode n = JSON.readTree(line);
      if (List.of("skill-7", "project-7").contains(n.get("key").asText())) {
        byTopic.put(n.get("topic").asText(), n);
        mine++;
      }
    }
    assertEquals(3, mine, "each sent once, and the dry run sent nothing: " + read.out());
    assertEquals(JSON.readTree(skill), byTopic.get(prefix + "skill.created").get("value"));
    assertEquals("skill-7", byTopic.get(prefix + "skill.created").get("key").asText());
    assertEquals(JSON.readTree(project), byTopic.get(prefix + "project.completed").get("value"));
    assertEquals("project-7", byTopic.get(prefix + "project.completed").get("key").asText());
    assertEquals("project-7", byTopic.get(prefix + "validation.completed").get("key").asText());
  }

  @Test
  void aGroupCommitsWhatItReadWithoutAGroupNothingIsCommittedAndTimeoutAndStopEndTheRun() throws Exception {
    String topic = prefix + "project.generated";
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      events.add(event("project.generated", "project-g", "output_path", "out/" + i));
    }
    TestRepo.Run sent = contracts("produce", "--file", file("generated.jsonl", events.toArray(String[]::new)).toString());
    assertEquals(0, sent.exit(), sent.out() + sent.err());

    String group = prefix + "console-group";
    TestRepo.Run first = contracts("consume", topic, "--group", group, "--from-beginning", "--max-messages", "2");
    assertEquals(0, first.exit(), first.out() + first.err());
    assertEquals(events.subList(0, 2), lines(first.out()));
    TestRepo.Run rest = contracts("consume", topic, "--group", group, "--from-beginning", "--timeout-ms", "3000");
    assertEquals(events.subList(2, 3), lines(rest.out()), "the group goes on where it left off: " + rest.err());

    for (int i = 0; i < 2; i++) {
      TestRepo.Run noGroup = contracts("consume", topic, "--from-beginning", "--timeout-ms", "2000");
      assertEquals(events, lines(noGroup.out()), "without a group every run starts over");
    }

    long start = System.nanoTime();
    TestRepo.Run idle = contracts("consume", topic, "--timeout-ms", "1500");   // from the end: nothing comes
    long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertEquals(0, idle.exit(), idle.out() + idle.err());
    assertEquals("", idle.out());
    assertTrue(ms >= 1500 && ms < 20_000, "ended " + ms + " ms after start");

    // stop(), as the Ctrl-C hook calls it, ends a run that would wait for ever
    ConsoleConsumer consumer = new ConsoleConsumer(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.BOOTSTRAP),
        Duration.ofSeconds(30), new RecordDecoder(CODEC, null));
    StringWriter out = new StringWriter();
    CompletableFuture<ConsoleConsumer.Outcome> running = CompletableFuture.supplyAsync(() -> consumer.run(
        new ConsoleConsumer.Options(List.of(topic), true, false, null, 0, null, false), new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true)));
    Thread.sleep(1500);
    consumer.stop(Duration.ofSeconds(20));
    ConsoleConsumer.Outcome o = running.get(5, TimeUnit.SECONDS);
    assertTrue(o.interrupted() && o.failure() == null, o.toString());
  }

  @Test
  void aProcessEndedWithSigtermStopsCleanlyAndSaysWhatItRead() throws Exception {
    String topic = prefix + "skill.created";
    TestRepo.Run sent = contracts("produce", "--file", file("one.jsonl", event("skill.created", "skill-sig", null, null)).toString());
    assertEquals(0, sent.exit(), sent.out() + sent.err());
    Path jar;
    try (Stream<Path> s = Files.list(TestRepo.repoRoot().resolve("tooling/target"))) {
      jar = s.filter(p -> p.getFileName().toString().endsWith("-cli.jar")).findFirst().orElseThrow();
    }
    Path err = tmp.resolve("sigterm.err");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
        "consume", topic, "--bootstrap-servers", LocalStack.BOOTSTRAP, "--registry", LocalStack.REGISTRY,
        "--from-beginning", "--repo", repo.dir.toString())
        .redirectError(err.toFile()).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();   // the first event: it is consuming now, and would for ever
      assertTrue(line != null && line.contains("\"event_type\":\"skill.created\""), line + " / " + Files.readString(err));
      p.destroy();   // SIGTERM: the same shutdown hook as Ctrl-C
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "did not stop");
    } finally {
      p.destroyForcibly();
    }
    String stderr = Files.readString(err);
    assertTrue(stderr.contains("printed, 0 could not be decoded (stopped)."), stderr);
  }

  @Test
  void unreachableBrokersAreExitOneWithinTheBrokerTimeout() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String nowhere = "127.0.0.1:" + port;
    Path input = file("unreachable.jsonl", event("skill.created", "skill-x", null, null));
    for (String command : List.of("produce", "consume")) {
      long start = System.nanoTime();
      TestRepo.Run run = repo.contracts(command, "--bootstrap-servers", nowhere, "--registry", LocalStack.REGISTRY,
          "--broker-timeout-ms", "2000", command.equals("produce") ? "--file" : "--from-beginning",
          command.equals("produce") ? input.toString() : "--timeout-ms=60000");
      long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertEquals(1, run.exit(), command + ": " + run.out() + run.err());
      assertTrue(run.err().contains("the brokers at " + nowhere + " did not answer within 2000 ms"), run.err());
      assertTrue(ms < 20_000, command + " took " + ms + " ms");
      if (command.equals("produce")) {
        assertTrue(run.err().contains("Sent before it stopped: nothing; not sent: line 1 and every line after it."), run.err());
      }
    }
  }

  @Test
  void aSubjectThatIsNotRegisteredStopsTheRunNamingTheSubjectTheFixAndTheLinesAlreadySent() throws Exception {
    TestRepo other = Topics.uniqueTopics(new TestRepo(Files.createDirectories(tmp.resolve("other"))));
    String p2 = Topics.prefix(other);
    ContractModel otherModel = ContractModel.load(other.dir.resolve("schemas"));
    try {
      provision(other);
      String subject = p2 + "validation.completed-value";
      HttpClient http = HttpClient.newHttpClient();
      String url = LocalStack.REGISTRY + "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
      for (String u : new String[] {url, url + "?permanent=true"}) {
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(u)).DELETE().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode(), u);
      }
      Path input = file("stops.jsonl", event("skill.created", "s-1", null, null), event("skill.created", "s-2", null, null),
          event("validation.completed", "p-1", null, null), event("skill.created", "s-3", null, null));
      TestRepo.Run run = contracts(other, "produce", "--file", input.toString());
      assertEquals(1, run.exit(), run.out() + run.err());
      assertTrue(run.err().contains("produce stopped at " + input + ":3: "), run.err());
      assertTrue(run.err().contains("no subject '" + subject + "'") && run.err().contains("scripts/contracts register"), run.err());
      assertTrue(run.err().contains("Sent before it stopped: 2 events: 2 to " + p2 + "skill.created (avro), from lines 1-2 of "
          + input + "; not sent: line 3 and every line after it."), run.err());
      TestRepo.Run read = contracts(other, "consume", p2 + "skill.created", "--from-beginning", "--timeout-ms", "3000");
      assertEquals(2, lines(read.out()).size(), read.out() + read.err());
    } finally {
      Topics.cleanUp(p2, otherModel.catalog().topics().stream().map(Topic::name).toList());
    }
  }

  /** The records of a topic as bytes, in offset order per partition. */
  private static List<ConsumerRecord<byte[], byte[]>> rawRecords(String topic, int count) {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        LocalStack.BOOTSTRAP), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      c.assign(partitions);
      c.seekToBeginning(partitions);
      List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (out.size() < count && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(500)).forEach(out::add);
      }
      return out;
    }
  }
}
