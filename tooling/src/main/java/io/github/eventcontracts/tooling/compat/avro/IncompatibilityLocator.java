package io.github.eventcontracts.tooling.compat.avro;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * Finds, for one of Avro's incompatibilities, the nodes of both files it is about.
 *
 * <p>Avro's {@link Incompatibility#getLocation()} is a path into the parsed reader schema, built as Avro
 * descends: {@code fields/i} to a reader field, {@code type} to its type, {@code items}, {@code values}, and
 * an index when it descends into a branch of the <em>writer's</em> union; it ends with {@code name},
 * {@code symbols} or {@code size} for those checks, and with the writer's branch index for a union branch
 * the reader's union lacks. This class replays that path on the reader's file and, in step, on the writer's
 * file (pairing fields as Avro does, by name and the reader field's aliases), so each side ends on the node
 * as written along the same route, references to named types resolved to their definitions.
 *
 * <p>Avro memoizes results per (reader, writer) pair, and when it compares union branches it starts a fresh
 * path; a result reused later can therefore carry a path relative to some inner type. The replay is checked
 * against the fragments Avro reports ({@link Incompatibility#getReaderFragment()}, by identity); when it does
 * not end on them, the fragment's first occurrence in the file is used instead.
 */
final class IncompatibilityLocator {
  private IncompatibilityLocator() {}

  /**
   * Where an incompatibility is, on both sides.
   *
   * @param reader         the reader node the incompatibility is about (for a missing field: its record)
   * @param readerField    the reader field the path ended on or last went through, or null
   * @param writer         the writer node paired with {@code reader}
   * @param writerBranch   for a union branch the reader's union lacks: the writer union's branch, else -1
   * @param writerMissing  the path went through {@code readerField} although the writer has no such field
   *                       (Avro then compares the reader field's type with the whole writer record)
   */
  record Location(SchemaNode reader, SchemaNode.FieldNode readerField, SchemaNode writer, int writerBranch,
      boolean writerMissing) {}

  /**
   * Locates {@code inc}, whose path starts at {@code readerAnchor} (the schema given to Avro as reader)
   * paired with {@code writerAnchor}.
   */
  static Location locate(Incompatibility inc, SchemaNode readerAnchor, SchemaNode writerAnchor) {
    Location replayed = replay(tokens(inc.getLocation()), readerAnchor, writerAnchor);
    SchemaNode reader = replayed == null ? null : replayed.reader();
    SchemaNode writer = replayed == null ? null : replayed.writer();
    boolean readerOk = reader != null && reader.schema() == inc.getReaderFragment();
    boolean writerOk = writer != null && writer.schema() == inc.getWriterFragment();
    if (readerOk && writerOk) {
      return replayed;
    }
    if (!readerOk) {
      reader = orRoot(readerAnchor.index().firstSeen(inc.getReaderFragment()), readerAnchor);
    }
    if (!writerOk) {
      writer = orRoot(writerAnchor.index().firstSeen(inc.getWriterFragment()), writerAnchor);
    }
    SchemaNode.FieldNode field = readerOk ? replayed.readerField() : null;
    if (field == null && inc.getType() == SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE
        && reader.schema().getType() == Schema.Type.RECORD && reader.schema().getField(inc.getMessage()) != null) {
      field = reader.field(reader.schema().getField(inc.getMessage()).pos());
    }
    int branch = readerOk && writerOk ? replayed.writerBranch() : trailingIndex(inc.getLocation());
    return new Location(reader, field, writer, branch, readerOk && replayed.writerMissing());
  }

  private static SchemaNode orRoot(SchemaNode n, SchemaNode anchor) {
    return n != null ? n : anchor;
  }

  /** Replays the path; null when it does not fit the reader's schema. */
  private static Location replay(List<String> tokens, SchemaNode reader, SchemaNode writer) {
    SchemaNode.FieldNode field = null;
    SchemaNode.FieldNode lastField = null;
    Schema.Field writerField = null;
    boolean writerMissing = false;
    int writerBranch = -1;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (field != null) {
        // after fields/i Avro goes on with "type" only
        if (!token.equals("type")) {
          return null;
        }
        reader = field.record().fieldType(field.field().pos());
        if (writerField != null) {
          writer = writer.fieldType(writerField.pos());
        } else {
          writerMissing = true;
        }
        field = null;
        continue;
      }
      switch (token) {
        case "fields": {
          if (reader.schema().getType() != Schema.Type.RECORD || i + 1 >= tokens.size()) {
            return null;
          }
          int pos = index(tokens.get(++i));
          if (pos < 0 || pos >= reader.schema().getFields().size()) {
            return null;
          }
          field = reader.field(pos);
          lastField = field;
          writerField = writer != null && writer.schema().getType() == Schema.Type.RECORD
              ? writerFieldFor(writer.schema(), field.field()) : null;
          writerMissing = false;
          break;
        }
        case "items":
          if (reader.schema().getType() != Schema.Type.ARRAY) {
            return null;
          }
          reader = reader.items();
          writer = writer != null && writer.schema().getType() == Schema.Type.ARRAY ? writer.items() : null;
          break;
        case "values":
          if (reader.schema().getType() != Schema.Type.MAP) {
            return null;
          }
          reader = reader.values();
          writer = writer != null && writer.schema().getType() == Schema.Type.MAP ? writer.values() : null;
          break;
        case "name":
        case "symbols":
        case "size":
          // an attribute of the named type reached so far: the path ends here
          return new Location(reader, null, writer, -1, false);
        default: {
          int k = index(token);
          if (k < 0) {
            return null;
          }
          boolean writerUnion = writer != null && writer.schema().getType() == Schema.Type.UNION
              && k < writer.schema().getTypes().size();
          if (reader.schema().getType() == Schema.Type.UNION) {
            // union against union: the writer's branch that the reader's union cannot read; the path ends
            writerBranch = writerUnion ? k : -1;
            return new Location(reader, null, writer, writerBranch, false);
          }
          // a branch of the writer's union, read by the same reader node
          writer = writerUnion ? writer.branch(k) : null;
          break;
        }
      }
    }
    if (field != null) {
      // the path ends on a field: the record is the node Avro reports
      return new Location(field.record(), field, writer, -1, false);
    }
    return new Location(reader, lastField, writer, writerBranch, writerMissing);
  }

  /** The writer's field Avro pairs with {@code readerField}, or null (also when several match). */
  static Schema.Field writerFieldFor(Schema writerRecord, Schema.Field readerField) {
    try {
      return SchemaCompatibility.lookupWriterField(writerRecord, readerField);
    } catch (AvroRuntimeException ambiguous) {
      return null;
    }
  }

  /** The reference tokens of a JSON pointer, unescaped; none for the root ({@code /} or empty). */
  static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
      return out;
    }
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static int trailingIndex(String pointer) {
    List<String> t = tokens(pointer);
    return t.isEmpty() ? -1 : index(t.get(t.size() - 1));
  }

  private static int index(String token) {
    if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(token);
  }
}
