package io.github.eventcontracts.tooling.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.Position;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.model.Topic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that look across files: Avro named types defined by more than one event, and the catalog's
 * message key against both schemas of its event.
 */
final class CrossFileRules {
  static final String AVRO_NAME_DUPLICATE = "AVRO_NAME_DUPLICATE";
  static final String KEY_FIELD_MISSING = "KEY_FIELD_MISSING";

  private CrossFileRules() {}

  /** An Avro named type definition: its full name, where it is and what it is. */
  private record NamedType(String fullName, String kind, EventContract event, String pointer, String path) {}

  /**
   * avro-maven-plugin parses every .avsc with one parser, which refuses a second definition of a full name
   * ("Can't redefine"); each file is parsed on its own elsewhere, so only this rule sees the clash.
   */
  static void avroNameDuplicates(ContractModel model, List<Finding> out) {
    Map<String, NamedType> first = new LinkedHashMap<>();
    Set<String> files = new HashSet<>();
    for (EventContract e : model.events()) {
      if (!files.add(e.avroSource().file())) {
        continue; // two topics naming one file: parsed once by the plugin too
      }
      List<NamedType> types = new ArrayList<>();
      avroNames(e, e.avroSource().root(), "", "", "", types);
      for (NamedType t : types) {
        NamedType earlier = first.putIfAbsent(t.fullName(), t);
        if (earlier == null || earlier.event() == e) {
          continue; // a redefinition within one file is the parser's own SCHEMA_INVALID
        }
        SourceDocument at = earlier.event().avroSource();
        Position p = at.position(earlier.pointer() + "/name");
        out.add(Finding.at(AVRO_NAME_DUPLICATE, e.avroSource(), t.pointer() + "/name", t.path(),
            "Avro " + t.kind() + " '" + t.fullName() + "' is already defined in " + at.file() + ":" + p.line()
                + " (event " + earlier.event().eventType() + "); avro-maven-plugin parses all schema files with one "
                + "parser and fails with \"Can't redefine: " + t.fullName() + "\"",
            "rename the type, e.g. '" + suggestedName(e, t) + "' (" + (t.path().equals("data")
                ? "<Event>Data for an event's payload" : "prefixed with the event's name") + "), so that every "
                + "event's types have names of their own"));
      }
    }
  }

  /** Every named type in the file as written, with its full name resolved as Avro does. */
  private static void avroNames(EventContract e, JsonNode schema, String pointer, String path, String namespace,
      List<NamedType> out) {
    if (schema.isArray()) {
      for (int i = 0; i < schema.size(); i++) {
        avroNames(e, schema.get(i), pointer + "/" + i, path, namespace, out);
      }
      return;
    }
    if (!schema.isObject()) {
      return; // a primitive, or a reference to a named type defined elsewhere
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "record", "error", "enum", "fixed" -> {
        String name = schema.path("name").asText("");
        if (name.isEmpty()) {
          return; // the parser has already refused it
        }
        String ns;
        String fullName;
        if (name.contains(".")) {
          fullName = name; // a dotted name is a full name: any namespace attribute is ignored
          ns = name.substring(0, name.lastIndexOf('.'));
        } else {
          ns = schema.path("namespace").isTextual() ? schema.get("namespace").asText() : namespace;
          fullName = ns.isEmpty() ? name : ns + "." + name;
        }
        out.add(new NamedType(fullName, type.equals("error") ? "record" : type, e, pointer, path));
        JsonNode fields = schema.path("fields");
        for (int i = 0; i < fields.size(); i++) {
          JsonNode f = fields.get(i);
          avroNames(e, f.path("type"), pointer + "/fields/" + i + "/type",
              SchemaTree.child(path, f.path("name").asText("?")), ns, out);
        }
      }
      case "array" -> avroNames(e, schema.path("items"), pointer + "/items", path + "[]", namespace, out);
      case "map" -> avroNames(e, schema.path("values"), pointer + "/values", path + "{}", namespace, out);
      default -> {
        if (schema.path("type").isObject() || schema.path("type").isArray()) {
          avroNames(e, schema.get("type"), pointer + "/type", path, namespace, out);
        }
      }
    }
  }

  /** {@code SkillUpdatedData} for the payload record of skill.updated, {@code SkillUpdatedStatus} for data.status. */
  private static String suggestedName(EventContract e, NamedType t) {
    String event = pascal(e.eventType());
    if (t.path().isEmpty()) {
      return event;
    }
    if (t.path().equals("data")) {
      return event + "Data";
    }
    String leaf = t.path().substring(t.path().lastIndexOf('.') + 1).replaceAll("[\\[\\]{}]", "");
    return event + pascal(leaf);
  }

  private static String pascal(String s) {
    StringBuilder b = new StringBuilder();
    for (String part : s.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return b.toString();
  }

  /** The catalog's key names a required string field under data, in both schemas of the topic's event. */
  static void keyFields(ContractModel model, List<Finding> out) {
    SourceDocument catalog = model.catalog().source();
    for (EventContract e : model.events()) {
      Topic topic = e.topic();
      String key = topic.keyField();
      String keyPointer = "/topics/" + SchemaTree.escape(topic.name()) + "/key";
      String keyPath = "topics." + topic.name() + ".key";
      String fieldPath = "data." + key;
      List<String> lacking = new ArrayList<>();

      // Avro: the field as parsed, located in the file as written
      org.apache.avro.Schema.Field data = e.avroSchema().getField("data");
      if (data != null && data.schema().getType() == org.apache.avro.Schema.Type.RECORD) {
        org.apache.avro.Schema.Field f = data.schema().getField(key);
        if (f == null) {
          lacking.add(e.avroSource().file());
        } else {
          String ptr = avroFieldPointer(e, key);
          org.apache.avro.Schema s = f.schema();
          if (s.getType() == org.apache.avro.Schema.Type.UNION) {
            boolean nullable = s.getTypes().stream().anyMatch(b -> b.getType() == org.apache.avro.Schema.Type.NULL);
            out.add(Finding.at(KEY_FIELD_MISSING, e.avroSource(), ptr, fieldPath, nullable
                    ? "the message key of topic " + topic.name() + " (" + keyPath + ") is " + fieldPath
                        + ", which is optional here: a message without it has no key"
                    : "the message key of topic " + topic.name() + " (" + keyPath + ") is " + fieldPath
                        + ", which is a union here, not a string",
                keyHint(key)));
          } else if (s.getType() != org.apache.avro.Schema.Type.STRING) {
            out.add(Finding.at(KEY_FIELD_MISSING, e.avroSource(), ptr + "/type", fieldPath,
                "the message key of topic " + topic.name() + " (" + keyPath + ") is " + fieldPath + ", which is "
                    + s.getType().getName() + " here, not a string", keyHint(key)));
          }
        }
      }

      // JSON Schema: data's properties and required list (local $refs followed)
      SourceDocument json = e.jsonSource();
      Ref dataNode = deref(json, json.root().path("properties").path("data"), "/properties/data");
      if (dataNode.node().isObject() && dataNode.node().has("properties")) {
        JsonNode raw = dataNode.node().path("properties").get(key);
        if (raw == null) {
          lacking.add(json.file());
        } else {
          String propPtr = dataNode.pointer() + "/properties/" + SchemaTree.escape(key);
          Ref prop = deref(json, raw, propPtr);
          boolean required = false;
          for (JsonNode r : dataNode.node().path("required")) {
            required |= r.asText().equals(key);
          }
          JsonNode type = prop.node().path("type");
          boolean string = type.asText("").equals("string") || type.isArray() && type.size() == 1
              && type.get(0).asText("").equals("string");
          if (!required) {
            out.add(Finding.at(KEY_FIELD_MISSING, json, propPtr, fieldPath, "the message key of topic "
                + topic.name() + " (" + keyPath + ") is " + fieldPath + ", which is optional here (not in data's "
                + "required): a message without it has no key", keyHint(key)));
          }
          if (!string) {
            out.add(Finding.at(KEY_FIELD_MISSING, json, type.isMissingNode() ? prop.pointer() : prop.pointer() + "/type",
                fieldPath, "the message key of topic " + topic.name() + " (" + keyPath + ") is " + fieldPath
                    + ", which is " + (type.isMissingNode() ? "untyped" : "typed " + type) + " here, not a string",
                keyHint(key)));
          }
        }
      }

      if (!lacking.isEmpty()) {
        out.add(Finding.at(KEY_FIELD_MISSING, catalog, keyPointer, keyPath, "topic " + topic.name()
                + " keys its messages by " + fieldPath + ", but " + String.join(" and ", lacking)
                + (lacking.size() == 1 ? " has" : " have") + " no such field",
            "name a required string field under data (the aggregate id), or add '" + key + "' to both schemas"));
      }
    }
  }

  private static String keyHint(String key) {
    return "the key must always be there and be a string: make '" + key + "' a required string in both schemas "
        + "(Avro \"string\", JSON Schema \"type\": \"string\" listed in required), or key the topic by another field";
  }

  private static String avroFieldPointer(EventContract e, String name) {
    JsonNode fields = e.avroSource().root().path("fields");
    for (int i = 0; i < fields.size(); i++) {
      JsonNode data = fields.get(i);
      if (data.path("name").asText().equals("data")) {
        JsonNode type = data.path("type");
        JsonNode inner = type.path("fields");
        for (int j = 0; j < inner.size(); j++) {
          if (inner.get(j).path("name").asText().equals(name)) {
            return "/fields/" + i + "/type/fields/" + j;
          }
        }
        return "/fields/" + i;
      }
    }
    return "";
  }

  /** A JSON Schema node with its pointer, after following local {@code $ref}s. */
  private record Ref(JsonNode node, String pointer) {}

  private static Ref deref(SourceDocument doc, JsonNode node, String pointer) {
    JsonNode n = node;
    String p = pointer;
    for (int guard = 0; guard < 32 && n.path("$ref").asText("").startsWith("#"); guard++) {
      String target = n.get("$ref").asText().substring(1);
      if (!target.isEmpty() && !target.startsWith("/")) {
        break; // an anchor, not a pointer
      }
      JsonNode t = doc.root().at(target);
      if (t.isMissingNode()) {
        break;
      }
      n = t;
      p = target;
    }
    return new Ref(n, p);
  }
}
