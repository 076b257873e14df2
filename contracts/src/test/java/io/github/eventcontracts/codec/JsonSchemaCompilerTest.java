package io.github.eventcontracts.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcontracts.RepoFiles;
import io.github.eventcontracts.events.SkillCreated;
import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiler fails closed: a schema change the compiled reader cannot check fails the codec's creation
 * (and with it the build, whose tests create codecs over schemas/) with the file, line and keyword path, never
 * a keyword silently left unchecked.
 */
class JsonSchemaCompilerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PAYLOAD = "{\"event_id\":\"123e4567-e89b-12d3-a456-426614174000\",\"event_type\":"
      + "\"skill.created\",\"timestamp\":\"2025-01-27T10:00:00Z\",\"data\":{\"skill_id\":\"s\",\"name\":\"n\"%s}}";

  @TempDir
  Path tmp;

  /** The repository's schemas with skill.created's JSON Schema edited. */
  private ContractModel withSkillCreated(Consumer<ObjectNode> edit) throws Exception {
    Path schemas = tmp.resolve("schemas");
    try (Stream<Path> files = Files.walk(RepoFiles.schemas())) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = schemas.resolve(RepoFiles.schemas().relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path file = schemas.resolve("json/skill.created.json");
    ObjectNode root = (ObjectNode) MAPPER.readTree(file.toFile());
    edit.accept(root);
    Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    return ContractModel.load(SchemaSource.directory(schemas, "schemas"));
  }

  private static ObjectNode at(ObjectNode root, String pointer) {
    return (ObjectNode) root.at(pointer);
  }

  static Stream<Arguments> unsupported() {
    return Stream.of(
        Arguments.of("a keyword it does not check", (Consumer<ObjectNode>) r ->
            at(r, "/properties/data/properties/name").put("minLength", 1), "/properties/data/properties/name/minLength",
            "keyword 'minLength' on a schema of type string is not checked"),
        Arguments.of("a format it does not check", (Consumer<ObjectNode>) r ->
            at(r, "/properties/data/properties/name").put("format", "email"), "/properties/data/properties/name/format",
            "format \"email\" is not checked"),
        Arguments.of("a dialect it does not know", (Consumer<ObjectNode>) r ->
            r.put("$schema", "http://json-schema.org/draft-04/schema#"), "/$schema", "dialect"),
        Arguments.of("a $ref", (Consumer<ObjectNode>) r ->
            at(r, "/properties/data/properties").putObject("category").put("$ref", "#/properties/data/properties/name"),
            "/properties/data/properties/category", "a schema without \"type\""),
        Arguments.of("a keyword on the wrong type", (Consumer<ObjectNode>) r ->
            at(r, "/properties/data").put("pattern", "x"), "/properties/data/pattern", "keyword 'pattern' on a schema of "
            + "type object"),
        Arguments.of("a type union", (Consumer<ObjectNode>) r ->
            at(r, "/properties/data/properties/name").putArray("type").add("string").add("null"),
            "/properties/data/properties/name/type", "\"type\": [\"string\",\"null\"] is not supported"),
        Arguments.of("additionalProperties as a schema", (Consumer<ObjectNode>) r ->
            at(r, "/properties/data").putObject("additionalProperties").put("type", "string"),
            "/properties/data/additionalProperties", "additionalProperties as a schema"),
        Arguments.of("a property the Avro record lacks", (Consumer<ObjectNode>) r ->
            at(r, "/properties/data/properties").putObject("owner").put("type", "string"),
            "/properties/data/properties/owner", "is no field of the Avro record"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupported")
  void failsTheCodecNamingTheFileAndTheKeywordPath(String name, Consumer<ObjectNode> edit, String pointer,
      String message) throws Exception {
    ContractModel model = withSkillCreated(edit);
    ContractException e = assertThrows(ContractException.class, () -> new EventJsonCodec(model));
    assertEquals(1, e.findings().size(), e.getMessage());
    Finding f = e.findings().get(0);
    assertEquals(JsonSchemaCompiler.RULE, f.ruleId());
    assertEquals("schemas/json/skill.created.json", f.file());
    assertTrue(f.line() > 1, f.toString());
    assertTrue(f.message().contains("(" + pointer + ")") && f.message().contains(message), f.toString());
    assertTrue(e.getMessage().startsWith("schemas/json/skill.created.json:" + f.line() + ":"), e.getMessage());
  }

  @Test
  void followsTheDialectTheFileDeclares() throws Exception {
    for (String dialect : new String[] {"https://json-schema.org/draft/2020-12/schema",
        "https://json-schema.org/draft/2019-09/schema", "http://json-schema.org/draft-07/schema#"}) {
      EventJsonCodec codec = new EventJsonCodec(withSkillCreated(r -> r.put("$schema", dialect)));
      assertEquals("n", codec.decode(String.format(PAYLOAD, ""), SkillCreated.class).getData().getName());
      tmp.resolve("schemas").toFile().renameTo(tmp.resolve("schemas-" + dialect.hashCode()).toFile());
    }
  }

  @Test
  void anOpenObjectSkipsOtherPropertiesButNotTheirDuplicateKeys() throws Exception {
    EventJsonCodec codec = new EventJsonCodec(withSkillCreated(r -> at(r, "/properties/data")
        .put("additionalProperties", true)));
    assertEquals("n", codec.decode(String.format(PAYLOAD, ",\"more\":{\"a\":[1,{\"b\":\"c\"}]}"), SkillCreated.class)
        .getData().getName());
    EventValidationException e = assertThrows(EventValidationException.class, () -> codec.decode(
        String.format(PAYLOAD, ",\"more\":{\"a\":1,\"a\":2}"), SkillCreated.class));
    assertTrue(e.getMessage().contains("Duplicate field 'a'"), e.getMessage());
  }

  @Test
  void theRepositorysSchemasCompile() {
    ContractModel model = ContractModel.load(RepoFiles.schemas());
    assertEquals(model.events().size(), new EventJsonCodec(model).eventTypes().size());
  }
}
