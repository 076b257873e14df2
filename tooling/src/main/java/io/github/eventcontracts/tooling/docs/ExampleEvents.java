package io.github.eventcontracts.tooling.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.github.eventcontracts.model.EventContract;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * An example payload per event, made from its JSON Schema as the model holds it, deterministically: a
 * property's first {@code examples} entry, else its {@code const}, {@code default} or first {@code enum}
 * symbol, else a value made from its type and format (a name-based UUID, a fixed RFC 3339 time, {@code
 * <name>-1} for ids and {@code <name>} for other strings, the minimum (at least 1) for integers). Optional properties are included, so the example shows the
 * whole shape. Every example is validated against the event's JSON Schema before it is used: a schema whose
 * constraints these rules cannot meet (a pattern, a length) is reported with the property to give an
 * {@code examples} value.
 */
public final class ExampleEvents {
  /** The time every example carries (the platform page's example time). */
  static final String TIMESTAMP = "2025-01-27T10:00:00Z";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int ARRAY_ITEMS = 2;

  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
          .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build()));

  /**
   * The example of one event.
   *
   * @throws DocsException when the example does not satisfy the event's JSON Schema
   */
  public ObjectNode example(EventContract event) {
    JsonNode schema = event.jsonSource().root();
    JsonNode value = value(schema, "", event.eventType(), 0);
    if (!(value instanceof ObjectNode object)) {
      throw new DocsException(event.jsonSource().file() + ": the event's JSON Schema does not describe an object");
    }
    Schema validator = registry.getSchema(schema);
    List<String> problems = validator.validate(object).stream()
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).sorted().toList();
    if (!problems.isEmpty()) {
      throw new DocsException(event.jsonSource().file() + ": the example made from the schema is invalid ("
          + String.join("; ", problems) + "); give each of those properties an 'examples' value the schema accepts");
    }
    return object;
  }

  private JsonNode value(JsonNode schema, String name, String eventType, int n) {
    if (schema.path("examples").isArray() && !schema.get("examples").isEmpty()) {
      return schema.get("examples").get(0).deepCopy();
    }
    for (String k : List.of("const", "default")) {
      if (schema.has(k)) {
        return schema.get(k).deepCopy();
      }
    }
    if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
      return schema.get("enum").get(0).deepCopy();
    }
    JsonNode type = schema.path("type");
    String t = type.isArray() ? firstNonNull(type) : type.asText(schema.has("properties") ? "object" : "string");
    switch (t) {
      case "object": {
        ObjectNode o = NODES.objectNode();
        for (var p : schema.path("properties").properties()) {
          o.set(p.getKey(), value(p.getValue(), p.getKey(), eventType, 0));
        }
        return o;
      }
      case "array": {
        ArrayNode a = NODES.arrayNode();
        int count = Math.max(ARRAY_ITEMS, schema.path("minItems").asInt(0));
        if (schema.has("maxItems")) {
          count = Math.min(count, schema.get("maxItems").asInt());
        }
        for (int i = 1; i <= count; i++) {
          a.add(value(schema.path("items"), singular(name), eventType, i));
        }
        return a;
      }
      case "integer": {
        long v = Math.max(1, schema.path("minimum").asLong(1));
        if (schema.has("maximum")) {
          v = Math.min(v, schema.get("maximum").asLong());
        }
        return NODES.numberNode(v);
      }
      case "number":
        return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").decimalValue()
            : new java.math.BigDecimal("1.5"));
      case "boolean":
        return NODES.booleanNode(true);
      case "null":
        return NODES.nullNode();
      default:
        return NODES.textNode(string(schema.path("format").asText(""), name, eventType, n));
    }
  }

  private static String firstNonNull(JsonNode types) {
    for (JsonNode t : types) {
      if (!"null".equals(t.asText())) {
        return t.asText();
      }
    }
    return "null";
  }

  private static String string(String format, String name, String eventType, int n) {
    switch (format) {
      case "uuid":
        return UUID.nameUUIDFromBytes((eventType + "/" + name + "/" + n).getBytes(StandardCharsets.UTF_8)).toString();
      case "date-time":
        return TIMESTAMP;
      case "date":
        return TIMESTAMP.substring(0, 10);
      case "time":
        return TIMESTAMP.substring(11);
      case "email":
        return "someone@example.com";
      case "uri":
      case "iri":
        return "https://example.com/" + name;
      default:
        break;
    }
    String words = name.isEmpty() ? "value" : name;
    if (words.endsWith("_id")) {
      return words.substring(0, words.length() - 3).replace('_', '-') + "-" + Math.max(1, n);
    }
    return words.replace('_', '-') + (n > 0 ? "-" + n : "");
  }

  /** Array items are named after their array (files: file-1, file-2). */
  private static String singular(String name) {
    if (name.endsWith("ies")) {
      return name.substring(0, name.length() - 3) + "y";
    }
    return name.endsWith("s") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
  }
}
