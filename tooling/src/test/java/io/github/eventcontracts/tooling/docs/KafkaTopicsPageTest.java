package io.github.eventcontracts.tooling.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.codec.EventValidationException;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.EventField;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.tooling.TestRepo;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/reference/kafka-topics.md: what the page says is what the contracts say, and its examples are valid. */
class KafkaTopicsPageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ContractModel MODEL = ContractModel.load(TestRepo.repoRoot().resolve("schemas"));

  private static String committedPage() throws Exception {
    return Files.readString(TestRepo.repoRoot().resolve(Docs.PAGE));
  }

  @Test
  void everyTopicHasAJsonExampleThatItsSchemaAcceptsThroughTheCodec() throws Exception {
    Map<String, String> examples = PageBlocks.jsonBySection(committedPage());
    EventJsonCodec codec = new EventJsonCodec(MODEL);
    assertEquals(MODEL.catalog().topics().stream().map(Topic::name).toList(), List.copyOf(examples.keySet()),
        "one JSON example under each topic's heading, in catalog order");
    for (EventContract e : MODEL.events()) {
      String example = examples.get(e.topic().name());
      SpecificRecord event = codec.decode(example, codec.classOf(e.eventType()));   // validates, else throws
      assertEquals(e.eventType(), event.get(event.getSchema().getField("event_type").pos()).toString());
      // every property the schema defines is shown, optional ones included
      JsonNode tree = JSON.readTree(example);
      for (EventField f : e.fields()) {
        assertFalse(tree.at("/" + f.path().replace('.', '/')).isMissingNode(), e.eventType() + ": example lacks " + f.path());
      }
    }
  }

  @Test
  void theCodecWouldRejectABrokenExample() throws Exception {
    // the validation above can fail: the same example with a required field removed is refused
    String example = PageBlocks.jsonBySection(committedPage()).get("skill.created");
    String broken = example.replaceFirst("\"skill_id\": \"[^\"]*\",", "");
    EventJsonCodec codec = new EventJsonCodec(MODEL);
    EventValidationException e = assertThrows(EventValidationException.class, () -> codec.decode(broken));
    assertTrue(e.getMessage().contains("skill_id"), e.getMessage());
  }

  @Test
  void eachTopicHasAFieldTableWithTypesRequiredAndTheSchemasDescriptions() throws Exception {
    String page = committedPage();
    for (EventContract e : MODEL.events()) {
      String section = page.substring(page.indexOf("### " + e.topic().name() + "\n"));
      section = section.substring(0, section.indexOf("\n#", 4));
      assertTrue(section.contains(e.topic().description()), e.topic().name());
      for (EventField f : e.fields()) {
        String row = "| `" + f.path() + "` | " + KafkaTopicsPage.cell(f.jsonType()) + " | "
            + KafkaTopicsPage.cell(f.avroType()) + " | " + (f.required() ? "required" : "optional") + " | "
            + KafkaTopicsPage.cell(e.jsonSource().root().at(pointer(f.path())).path("description").asText()) + " |";
        assertTrue(section.contains(row), e.topic().name() + " lacks the row " + row);
      }
    }
    assertTrue(page.contains("| `data.description` | string | null \\| string | optional | Free-text description;"), page);
    assertTrue(page.contains("| `data.status` | string, one of: success, failure, cancelled, unknown | enum ProjectCompletionStatus | required |"));
  }

  private static String pointer(String path) {
    return "/properties/" + path.replace(".", "/properties/");
  }

  @Test
  void theCatalogTablesAreTheCatalogs() throws Exception {
    String page = committedPage();
    assertTrue(page.startsWith("---\ntitle: Kafka Topics\ndescription: Event streaming via Kafka topics\nsidebar_position: 2\n---\n"));
    assertTrue(page.contains("Group ID: {{SITE_NAME}}-<service>"));
    for (Topic t : MODEL.catalog().topics()) {
      assertTrue(page.contains("| " + t.name() + " | " + t.partitions() + " | " + t.replicationFactor() + " | "
          + t.retention().toDays() + " days | " + t.minInsyncReplicas() + " | " + t.uncleanLeaderElectionEnable() + " |"), t.name());
      assertTrue(page.contains("| `" + t.name() + "-value` | Avro | " + t.compatibility(io.github.eventcontracts.model.SchemaFormat.AVRO) + " | yes |"));
      assertTrue(page.contains("| `" + t.name() + "-json-value` | JSON Schema | " + t.compatibility(io.github.eventcontracts.model.SchemaFormat.JSON) + " | no |"));
    }
    assertTrue(page.contains("| Generation Service | `{{SITE_NAME}}-gen-service` | skill.created, skill.updated |"));
    assertTrue(page.contains("| Notification Service | `{{SITE_NAME}}-notify-service` | All topics ("));
  }

  @Test
  void proseHasNothingMdxWouldReadAsJsxOrAnExpression() throws Exception {
    String prose = PageBlocks.prose(committedPage());
    for (String c : List.of("{", "}", "<", "<!--")) {
      assertFalse(prose.contains(c), "Docusaurus compiles .md as MDX: '" + c + "' outside code breaks the page");
    }
    assertEquals("a \\| b &lt;c&gt; &#123;x&#125; &amp;", KafkaTopicsPage.cell("a | b <c> {x} &"));
  }

  @Test
  void thePythonProducerSendsTheValidatedExampleWithTheCatalogsKey() throws Exception {
    String page = committedPage();
    String producer = PageBlocks.of(page).stream().filter(b -> b.info().contains("Python producer")).findFirst()
        .orElseThrow().text();
    String dict = producer.substring(producer.indexOf("event = ") + 8, producer.indexOf("\n}\n") + 2);
    JsonNode sent = JSON.readTree(dict.replace(": True", ": true").replace(": False", ": false").replace(": None", ": null"));
    Topic first = MODEL.catalog().topics().get(0);
    assertEquals(JSON.readTree(PageBlocks.jsonBySection(page).get(first.name())), sent);
    assertTrue(producer.contains("producer.send('" + first.name() + "', key=event['data']['" + first.keyField() + "'], value=event)"));
    String consumer = PageBlocks.of(page).stream().filter(b -> b.info().contains("Python consumer")).findFirst()
        .orElseThrow().text();
    assertTrue(consumer.contains("group_id='{{SITE_NAME}}-gen-service'") && consumer.contains("'skill.updated',"), consumer);
  }

  @Test
  void theJavaExamplesCompileAgainstTheArtifact() throws Exception {
    List<PageBlocks.Block> java = PageBlocks.of(committedPage()).stream().filter(b -> b.language().equals("java")).toList();
    assertEquals(2, java.size());
    for (PageBlocks.Block b : java) {
      assertEquals(List.of(), compile(b.text()), b.info());
    }
    assertFalse(compile("import java.util.List;\n\nList<String> x = 1;\n").isEmpty(), "the compile check can fail");
  }

  /** Compiles the imports and statements of a page example inside a method; returns the errors. */
  static List<String> compile(String example) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : example.split("\n")) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    String source = imports + "\nclass PageExample {\n  void run() throws Exception {\n" + body + "  }\n}\n";
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file = new SimpleJavaFileObject(java.net.URI.create("string:///PageExample.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    List<String> errors = new ArrayList<>();
    StringWriter out = new StringWriter();
    Path classes;
    try {
      classes = Files.createTempDirectory("page-example");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    boolean ok = javac.getTask(out, null, d -> errors.add(d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(null)),
        List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none"), null,
        List.of(file)).call();
    if (!ok && errors.isEmpty()) {
      errors.add(out.toString());
    }
    return errors.stream().filter(e -> e.startsWith("ERROR")).toList();
  }

  @Test
  void aCatalogOrSchemaChangeFlowsIntoThePage(@TempDir Path tmp) {
    TestRepo repo = new TestRepo(tmp);
    repo.edit("catalog.yaml", "retention: 30d", "retention: 14d");
    repo.edit("json/skill.created.json", "\"description\": \"Name of the skill.\"",
        "\"description\": \"Name of the skill, <b>unique</b> {per site}.\"");
    String page = Docs.generate(ContractModel.load(tmp.resolve("schemas")), "9.9.9").get(Docs.PAGE);
    assertTrue(page.contains("| validation.completed | 3 | 3 | 14 days |"), page);
    assertTrue(page.contains("Name of the skill, &lt;b&gt;unique&lt;/b&gt; &#123;per site&#125;."), page);
    assertTrue(page.contains("event-contracts:9.9.9"));
  }

  @Test
  void schemaExamplesAreUsedAndAnExampleTheSchemaRefusesIsAnErrorNamingTheFile(@TempDir Path tmp) {
    TestRepo repo = new TestRepo(tmp);
    repo.edit("json/skill.created.json", "\"examples\": [\"my-skill\"]", "\"examples\": [\"another-skill\"]");
    repo.edit("json/skill.updated.json", "\"description\": \"Id of the updated skill; the message key.\"",
        "\"description\": \"Id of the updated skill; the message key.\", \"pattern\": \"^sk-[0-9]+$\"");
    ContractModel model = ContractModel.load(tmp.resolve("schemas"));
    ExampleEvents examples = new ExampleEvents();
    assertEquals("another-skill", examples.example(model.event("skill.created").orElseThrow()).at("/data/name").asText());
    DocsException e = assertThrows(DocsException.class, () -> examples.example(model.event("skill.updated").orElseThrow()));
    assertTrue(e.getMessage().startsWith("schemas/json/skill.updated.json: ") && e.getMessage().contains("skill_id")
        && e.getMessage().contains("'examples'"), e.getMessage());
  }

  @Test
  void generationIsDeterministic() {
    assertEquals(Docs.generate(MODEL, "1.0.0"), Docs.generate(ContractModel.load(TestRepo.repoRoot().resolve("schemas")), "1.0.0"));
  }
}
