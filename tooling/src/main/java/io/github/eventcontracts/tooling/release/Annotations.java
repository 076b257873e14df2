package io.github.eventcontracts.tooling.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcontracts.model.SchemaFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A schema without its annotations (Avro {@code doc}; JSON Schema {@code description}, {@code title},
 * {@code examples}, {@code $comment}): two schemas equal after this differ only in their descriptions, which no
 * reader or writer sees. Values ({@code default}, {@code const}, {@code enum}) and names (the keys of
 * {@code properties} and the like) are never touched.
 */
final class Annotations {
  private static final Set<String> JSON_ANNOTATIONS = Set.of("description", "title", "examples", "$comment");
  /** JSON Schema keywords whose value is an object of name to schema. */
  private static final Set<String> JSON_SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");
  /** JSON Schema keywords whose value is data, never a schema. */
  private static final Set<String> JSON_VALUES = Set.of("const", "enum", "default", "examples", "required");

  private Annotations() {}

  static JsonNode strip(JsonNode schema, SchemaFormat format) {
    JsonNode copy = schema.deepCopy();
    if (format == SchemaFormat.AVRO) {
      avro(copy);
    } else {
      json(copy);
    }
    return copy;
  }

  private static void avro(JsonNode node) {
    if (node.isArray()) {
      node.forEach(Annotations::avro);
    } else if (node.isObject()) {
      ((ObjectNode) node).remove("doc");
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("default")) {
          avro(e.getValue());
        }
      }
    }
  }

  private static void json(JsonNode schema) {
    if (schema.isArray()) {
      schema.forEach(Annotations::json); // allOf, anyOf, oneOf, prefixItems
      return;
    }
    if (!schema.isObject()) {
      return;
    }
    ((ObjectNode) schema).remove(JSON_ANNOTATIONS);
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (JSON_VALUES.contains(e.getKey())) {
        continue;
      }
      if (JSON_SCHEMA_MAPS.contains(e.getKey()) && e.getValue().isObject()) {
        e.getValue().forEach(Annotations::json);
      } else {
        json(e.getValue());
      }
    }
  }
}
