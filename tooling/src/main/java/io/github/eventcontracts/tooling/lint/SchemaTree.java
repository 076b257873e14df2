package io.github.eventcontracts.tooling.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Walks schema files as written (not as parsed), so that every node visited has a JSON pointer into its
 * file (for line numbers) and a path by field names ({@code data.category}).
 */
final class SchemaTree {
  private SchemaTree() {}

  /** Something visited: the node, its pointer in the file and its path by field names. */
  record Node(JsonNode node, String pointer, String path) {}

  interface Visitor {
    void visit(Node node);
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** Visits every Avro named type definition (record, enum, fixed), then every field, depth first. */
  static void avro(JsonNode schema, String pointer, String path, Visitor types, Visitor fields) {
    if (schema.isArray()) {
      for (int i = 0; i < schema.size(); i++) {
        avro(schema.get(i), pointer + "/" + i, path, types, fields);
      }
      return;
    }
    if (!schema.isObject()) {
      return; // a primitive or a reference to a named type defined elsewhere
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "record", "error" -> {
        types.visit(new Node(schema, pointer, path));
        JsonNode fs = schema.path("fields");
        for (int i = 0; i < fs.size(); i++) {
          JsonNode f = fs.get(i);
          String fp = pointer + "/fields/" + i;
          String name = child(path, f.path("name").asText("?"));
          fields.visit(new Node(f, fp, name));
          avro(f.path("type"), fp + "/type", name, types, fields);
        }
      }
      case "enum", "fixed" -> types.visit(new Node(schema, pointer, path));
      case "array" -> avro(schema.path("items"), pointer + "/items", path + "[]", types, fields);
      case "map" -> avro(schema.path("values"), pointer + "/values", path + "{}", types, fields);
      default -> {
        if (schema.path("type").isObject() || schema.path("type").isArray()) {
          avro(schema.get("type"), pointer + "/type", path, types, fields);
        }
      }
    }
  }

  /** Visits every JSON Schema object node with properties, and every property, depth first. */
  static void json(JsonNode schema, String pointer, String path, Visitor objects, Visitor properties) {
    if (!schema.isObject()) {
      return;
    }
    if (schema.has("properties")) {
      objects.visit(new Node(schema, pointer, path));
      for (Map.Entry<String, JsonNode> e : schema.get("properties").properties()) {
        String pp = pointer + "/properties/" + escape(e.getKey());
        String name = child(path, e.getKey());
        properties.visit(new Node(e.getValue(), pp, name));
        json(e.getValue(), pp, name, objects, properties);
      }
    }
    if (schema.has("items")) {
      json(schema.get("items"), pointer + "/items", path + "[]", objects, properties);
    }
    if (schema.path("additionalProperties").isObject()) {
      json(schema.get("additionalProperties"), pointer + "/additionalProperties", path + "{}", objects, properties);
    }
    for (String defs : new String[] {"$defs", "definitions"}) {
      for (Map.Entry<String, JsonNode> e : schema.path(defs).properties()) {
        json(e.getValue(), pointer + "/" + defs + "/" + escape(e.getKey()), child(path, defs + "." + e.getKey()),
            objects, properties);
      }
    }
    for (String combiner : new String[] {"oneOf", "anyOf", "allOf"}) {
      JsonNode list = schema.path(combiner);
      for (int i = 0; i < list.size(); i++) {
        json(list.get(i), pointer + "/" + combiner + "/" + i, path + "." + combiner + "[" + i + "]", objects, properties);
      }
    }
  }
}
