package io.github.eventcontracts.tooling.compat.avro;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.SourceDocument;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * An Avro schema file parsed twice in step: the parsed {@link Schema} and the JSON as written, walked in
 * parallel so that every node of the parsed schema knows where it is written. A named type is written once
 * (its definition) and then referenced by name; {@link #node} resolves a reference to its definition, so
 * the walk can go on into the type's fields while the node still remembers the reference's position.
 */
final class SchemaIndex {
  /** Values of {@code "type"} that define a node in place, as opposed to referring to a named type. */
  private static final Set<String> IN_PLACE = Set.of("record", "enum", "fixed", "array", "map", "null", "boolean",
      "int", "long", "float", "double", "bytes", "string");

  private final SourceDocument doc;
  private final Schema schema;
  /** Full name of each named type, to the JSON of its definition and that JSON's pointer. */
  private final Map<String, Map.Entry<JsonNode, String>> definitions = new HashMap<>();
  /** Each schema object, to the node where the walk met it first (for a named type: its definition). */
  private final Map<Schema, SchemaNode> firstSeen = new IdentityHashMap<>();
  private final SchemaNode root;

  private SchemaIndex(SourceDocument doc, Schema schema) {
    this.doc = doc;
    this.schema = schema;
    this.root = node(schema, doc.root(), "", "", null, -1);
    visit(root, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * Parses and indexes an Avro schema document.
   *
   * @throws io.github.eventcontracts.model.ContractException when it is not a valid Avro schema
   */
  static SchemaIndex of(SourceDocument doc) {
    return new SchemaIndex(doc, ContractModel.parseAvro(doc));
  }

  SourceDocument doc() {
    return doc;
  }

  Schema schema() {
    return schema;
  }

  SchemaNode root() {
    return root;
  }

  /**
   * The node where {@code s} (by identity) was first met in document order, or null when it is not part of
   * this document. For a named type this is its definition.
   */
  SchemaNode firstSeen(Schema s) {
    return firstSeen.get(s);
  }

  /** Builds the node of {@code s}, written as {@code json} at {@code pointer}, resolving named references. */
  SchemaNode node(Schema s, JsonNode json, String pointer, String path, SchemaNode union, int branch) {
    JsonNode def = json;
    String defPointer = pointer;
    // "Name", or {"type": "Name", ...}: a reference to a named type defined earlier in the file
    String written = def.isTextual() ? def.textValue() : def.isObject() ? def.path("type").asText("") : null;
    boolean reference = false;
    if (written != null && !IN_PLACE.contains(written) && isNamed(s)) {
      Map.Entry<JsonNode, String> d = definitions.get(s.getFullName());
      if (d != null) {
        def = d.getKey();
        defPointer = d.getValue();
        reference = true;
      }
    }
    return new SchemaNode(this, s, pointer, def, defPointer, path, reference, union, branch);
  }

  private void visit(SchemaNode n, Set<Schema> expanded) {
    Schema s = n.schema();
    firstSeen.putIfAbsent(s, n);
    if (isNamed(s) && n.def().isObject() && n.def().has("name")) {
      definitions.putIfAbsent(s.getFullName(), Map.entry(n.def(), n.defPointer()));
    }
    switch (s.getType()) {
      case RECORD:
        if (expanded.add(s)) {
          for (int i = 0; i < s.getFields().size(); i++) {
            visit(n.fieldType(i), expanded);
          }
        }
        break;
      case ARRAY:
        visit(n.items(), expanded);
        break;
      case MAP:
        visit(n.values(), expanded);
        break;
      case UNION:
        for (int k = 0; k < s.getTypes().size(); k++) {
          visit(n.branch(k), expanded);
        }
        break;
      default:
        break;
    }
  }

  static boolean isNamed(Schema s) {
    Schema.Type t = s.getType();
    return t == Schema.Type.RECORD || t == Schema.Type.ENUM || t == Schema.Type.FIXED;
  }
}
