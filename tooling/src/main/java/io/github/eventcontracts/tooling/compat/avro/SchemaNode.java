package io.github.eventcontracts.tooling.compat.avro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.avro.Schema;

/**
 * One node of a parsed Avro schema together with where it is written in the file, reached along one route
 * from the root (so the same named type reached through two fields gives two nodes with different
 * {@link #site()} and {@link #path()} but the same {@link #defPointer()}).
 *
 * @param index      the document the node belongs to
 * @param schema     the parsed schema of the node
 * @param site       JSON pointer of where the node is written on this route: a field's {@code /type}, an
 *                   array's {@code /items}, a union branch {@code /type/1}; for a reference to a named type,
 *                   the reference, not the definition
 * @param def        the JSON that defines the node: the same as at {@link #site()}, except for a reference to
 *                   a named type, where it is the definition written earlier in the file
 * @param defPointer JSON pointer of {@link #def()}
 * @param path       the path by field names ({@code data.files[]}, {@code data.tags{}}), empty at the root;
 *                   union branches are not shown
 * @param reference  whether the node is written as a reference to a named type defined elsewhere
 * @param union      when this node is a branch of a union: the union's node; otherwise null
 * @param branch     when this node is a branch of a union: its index; otherwise -1
 */
record SchemaNode(SchemaIndex index, Schema schema, String site, JsonNode def, String defPointer, String path,
    boolean reference, SchemaNode union, int branch) {

  /** The node of the field at {@code pos} of this record (pointer {@code /fields/pos}). */
  FieldNode field(int pos) {
    Schema.Field f = schema.getFields().get(pos);
    String pointer = defPointer + "/fields/" + pos;
    String fieldPath = path.isEmpty() ? f.name() : path + "." + f.name();
    return new FieldNode(this, f, pointer, fieldPath);
  }

  /** The node of the type of the field at {@code pos} of this record. */
  SchemaNode fieldType(int pos) {
    FieldNode f = field(pos);
    return index.node(f.field().schema(), def.path("fields").path(pos).path("type"), f.pointer() + "/type",
        f.path(), null, -1);
  }

  /** The node of the items of this array. */
  SchemaNode items() {
    return index.node(schema.getElementType(), def.path("items"), defPointer + "/items", path + "[]", null, -1);
  }

  /** The node of the values of this map. */
  SchemaNode values() {
    return index.node(schema.getValueType(), def.path("values"), defPointer + "/values", path + "{}", null, -1);
  }

  /** The node of branch {@code k} of this union. */
  SchemaNode branch(int k) {
    JsonNode json = def.isArray() ? def.path(k) : MissingNode.getInstance();
    return index.node(schema.getTypes().get(k), json, defPointer + "/" + k, path, this, k);
  }

  /** This node, or the union it is a branch of: the node as a whole, for "changed from ... to ..." texts. */
  SchemaNode whole() {
    return union != null ? union : this;
  }

  /** Pointer of an attribute of the definition ({@code name}, {@code size}, {@code logicalType}), if written. */
  String attribute(String name) {
    return def.has(name) ? defPointer + "/" + name : site;
  }

  /** A field of a record node: the field, where it is written ({@code /fields/i}) and its path. */
  record FieldNode(SchemaNode record, Schema.Field field, String pointer, String path) {

    /** Pointer of the field's {@code "name"}: the line a reader looks for, even in compact or odd layouts. */
    String namePointer() {
      return pointer + "/name";
    }

    /** Whether the field, as written, has the attribute {@code name} ({@code aliases}, {@code default}). */
    boolean has(String name) {
      return record.def().path("fields").path(field.pos()).has(name);
    }
  }
}
