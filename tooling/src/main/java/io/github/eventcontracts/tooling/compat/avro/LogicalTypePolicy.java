package io.github.eventcontracts.tooling.compat.avro;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Our policy on top of Avro's rules: a node whose {@code logicalType} differs between reader and writer is
 * incompatible. Avro resolves only the underlying type, so {@code timestamp-millis} read as
 * {@code timestamp-micros}, a {@code decimal} read with another scale, or a {@code date} read as a plain
 * {@code int} decodes without error into a wrong value.
 *
 * <p>The policy pairs reader and writer nodes the way Avro's resolution does (fields by name and the reader
 * field's aliases, array items, map values, a writer's union branch with the reader branch Avro would pick)
 * and compares the logical types of pairs whose underlying types Avro can resolve; pairs it cannot resolve
 * are Avro's own {@code TYPE_MISMATCH} or {@code MISSING_UNION_BRANCH} and are not reported twice. While
 * pairing fields it also finds reader fields that match several writer fields, which Avro refuses to check.
 */
final class LogicalTypePolicy {

  /** What the walk finds. */
  interface Listener {
    /** {@code reader} and {@code writer} are paired by resolution but have different logical types. */
    void logicalTypeChanged(SchemaNode reader, SchemaNode writer);

    /** {@code field} of the reader matches several fields of {@code writerRecord}: {@code matches}. */
    void ambiguousField(SchemaNode.FieldNode field, SchemaNode writerRecord, List<Schema.Field> matches);
  }

  private final Listener listener;
  private final Map<Schema, Set<Schema>> visited = new IdentityHashMap<>();

  LogicalTypePolicy(Listener listener) {
    this.listener = listener;
  }

  /** Walks the pair and everything Avro would resolve beneath it. */
  void walk(SchemaNode reader, SchemaNode writer) {
    Schema r = reader.schema();
    Schema w = writer.schema();
    if (!visited.computeIfAbsent(r, k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(w)) {
      return;
    }
    if (w.getType() == Schema.Type.UNION) {
      for (int i = 0; i < w.getTypes().size(); i++) {
        if (r.getType() == Schema.Type.UNION) {
          int k = readerBranchFor(r, w.getTypes().get(i));
          if (k >= 0) {
            walk(reader.branch(k), writer.branch(i));
          }
        } else {
          walk(reader, writer.branch(i));
        }
      }
      return;
    }
    if (r.getType() == Schema.Type.UNION) {
      int k = readerBranchFor(r, w);
      if (k >= 0) {
        walk(reader.branch(k), writer);
      }
      return;
    }
    if (!resolvable(r, w)) {
      return;
    }
    if (!Objects.equals(logicalType(r), logicalType(w))) {
      listener.logicalTypeChanged(reader, writer);
    }
    switch (r.getType()) {
      case RECORD:
        for (Schema.Field rf : r.getFields()) {
          List<Schema.Field> matches = writerFields(w, rf);
          if (matches.size() > 1) {
            listener.ambiguousField(reader.field(rf.pos()), writer, matches);
          } else if (matches.size() == 1) {
            walk(reader.fieldType(rf.pos()), writer.fieldType(matches.get(0).pos()));
          }
        }
        break;
      case ARRAY:
        walk(reader.items(), writer.items());
        break;
      case MAP:
        walk(reader.values(), writer.values());
        break;
      default:
        break;
    }
  }

  /** The writer fields a reader field resolves to: by its name, then by each of its aliases. */
  static List<Schema.Field> writerFields(Schema writerRecord, Schema.Field readerField) {
    List<Schema.Field> out = new ArrayList<>();
    Schema.Field direct = writerRecord.getField(readerField.name());
    if (direct != null) {
      out.add(direct);
    }
    for (String alias : readerField.aliases()) {
      Schema.Field f = writerRecord.getField(alias);
      if (f != null && !out.contains(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The branch of the reader's union that data of the writer's {@code branch} resolves to, or -1: the first
   * branch of the same type (for named types, one whose name or aliases match), else the first that
   * promotes it. A named type whose name matches no branch has no counterpart: it is a missing branch.
   */
  static int readerBranchFor(Schema readerUnion, Schema branch) {
    List<Schema> types = readerUnion.getTypes();
    for (int k = 0; k < types.size(); k++) {
      Schema t = types.get(k);
      if (t.getType() == branch.getType()
          && (!SchemaIndex.isNamed(t) || SchemaCompatibility.schemaNameEquals(t, branch))) {
        return k;
      }
    }
    for (int k = 0; k < types.size(); k++) {
      if (promotes(types.get(k).getType(), branch.getType())) {
        return k;
      }
    }
    return -1;
  }

  /** Whether Avro resolves writer data of type {@code w} with reader type {@code r} (names aside). */
  static boolean resolvable(Schema r, Schema w) {
    return r.getType() == w.getType() || promotes(r.getType(), w.getType());
  }

  /** Avro's promotions: int to long, float, double; long to float, double; float to double; string and bytes. */
  static boolean promotes(Schema.Type reader, Schema.Type writer) {
    switch (reader) {
      case LONG:
        return writer == Schema.Type.INT;
      case FLOAT:
        return writer == Schema.Type.INT || writer == Schema.Type.LONG;
      case DOUBLE:
        return writer == Schema.Type.INT || writer == Schema.Type.LONG || writer == Schema.Type.FLOAT;
      case STRING:
        return writer == Schema.Type.BYTES;
      case BYTES:
        return writer == Schema.Type.STRING;
      default:
        return false;
    }
  }

  /**
   * The logical type of a node as text, null when it has none: {@code decimal(10,2)} with precision and
   * scale, the name of any other logical type Avro knows, or the {@code logicalType} as written when Avro
   * does not know or accept it (Avro then ignores it, but a change is still a change of meaning).
   */
  static String logicalType(Schema s) {
    LogicalType lt = s.getLogicalType();
    if (lt instanceof LogicalTypes.Decimal) {
      LogicalTypes.Decimal d = (LogicalTypes.Decimal) lt;
      return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    if (lt != null) {
      return lt.getName();
    }
    Object written = s.getObjectProp(LogicalType.LOGICAL_TYPE_PROP);
    return written == null ? null : written.toString();
  }
}
