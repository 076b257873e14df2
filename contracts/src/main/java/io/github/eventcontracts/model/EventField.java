package io.github.eventcontracts.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * One field of an event as its schemas define it, for documentation and tools that describe events: the
 * path, whether the JSON Schema requires it, its type in both schema languages and its description. Taken
 * from the JSON Schema (the published contract), with the Avro type of the field at the same path.
 *
 * @param path        dotted path from the envelope, e.g. {@code data.skill_id}; items of an array of objects
 *                    appear as {@code files[].name}
 * @param required    whether the JSON Schema requires it in its parent object
 * @param jsonType    the JSON Schema type in words, e.g. {@code string (uuid)}, {@code array of string},
 *                    {@code integer ≥ 0}, {@code string, one of: a, b}
 * @param avroType    the Avro type in words, e.g. {@code long (timestamp-millis)}, {@code null | string};
 *                    empty when the Avro schema has no field at this path
 * @param description the JSON Schema {@code description}, else the Avro {@code doc}, else empty
 * @param jsonSchema  the field's JSON Schema node, as parsed in the model
 */
public record EventField(String path, boolean required, String jsonType, String avroType, String description,
    JsonNode jsonSchema) {

  /** The fields of one event, depth first in the JSON Schema's property order. */
  static List<EventField> of(EventContract event) {
    List<EventField> out = new ArrayList<>();
    walk(event.jsonSource().root(), event.avroSchema(), "", out);
    return List.copyOf(out);
  }

  private static void walk(JsonNode object, Schema avroRecord, String prefix, List<EventField> out) {
    JsonNode props = object.path("properties");
    Set<String> required = new java.util.HashSet<>();
    object.path("required").forEach(r -> required.add(r.asText()));
    for (var e : props.properties()) {
      String name = e.getKey();
      JsonNode node = e.getValue();
      Schema.Field avroField = avroRecord == null ? null : avroRecord.getField(name);
      Schema avro = avroField == null ? null : avroField.schema();
      String path = prefix + name;
      String description = node.path("description").asText("");
      if (description.isEmpty() && avroField != null && avroField.doc() != null) {
        description = avroField.doc();
      }
      out.add(new EventField(path, required.contains(name), jsonType(node), avro == null ? "" : avroType(avro),
          description, node));
      if (node.has("properties")) {
        walk(node, record(avro), path + ".", out);
      } else if (node.path("items").has("properties")) {
        Schema items = nonNull(avro);
        walk(node.get("items"), items != null && items.getType() == Schema.Type.ARRAY ? record(items.getElementType()) : null,
            path + "[].", out);
      }
    }
  }

  private static Schema nonNull(Schema s) {
    if (s != null && s.getType() == Schema.Type.UNION) {
      return s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(null);
    }
    return s;
  }

  private static Schema record(Schema s) {
    Schema r = nonNull(s);
    return r != null && r.getType() == Schema.Type.RECORD ? r : null;
  }

  /** A JSON Schema type in words. */
  static String jsonType(JsonNode node) {
    StringBuilder b = new StringBuilder();
    JsonNode type = node.path("type");
    if (type.isArray()) {
      List<String> names = new ArrayList<>();
      type.forEach(t -> names.add(t.asText()));
      b.append(String.join(" | ", names));
    } else if (type.isTextual()) {
      b.append(type.asText());
    } else {
      b.append("any");
    }
    if ("array".equals(type.asText()) && node.has("items")) {
      b.append(" of ").append(jsonType(node.get("items")));
    }
    if (node.has("format")) {
      b.append(" (").append(node.get("format").asText()).append(')');
    }
    if (node.has("minimum")) {
      b.append(" ≥ ").append(node.get("minimum").asText());
    }
    if (node.has("maximum")) {
      b.append(" ≤ ").append(node.get("maximum").asText());
    }
    if (node.has("const")) {
      b.append(", always ").append(node.get("const").asText());
    }
    if (node.has("enum")) {
      List<String> symbols = new ArrayList<>();
      node.get("enum").forEach(s -> symbols.add(s.asText()));
      b.append(", one of: ").append(String.join(", ", symbols));
    }
    return b.toString();
  }

  /** An Avro type in words. */
  static String avroType(Schema s) {
    return switch (s.getType()) {
      case UNION -> {
        List<String> names = new ArrayList<>();
        s.getTypes().forEach(t -> names.add(avroType(t)));
        yield String.join(" | ", names);
      }
      case ARRAY -> "array of " + avroType(s.getElementType());
      case MAP -> "map of " + avroType(s.getValueType());
      case RECORD, ENUM, FIXED -> s.getType().getName() + " " + s.getName();
      default -> s.getType().getName() + (s.getLogicalType() != null ? " (" + s.getLogicalType().getName() + ")" : "");
    };
  }
}
