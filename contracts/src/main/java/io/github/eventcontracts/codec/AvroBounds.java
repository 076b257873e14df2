package io.github.eventcontracts.codec;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A check of Avro binary data against its writer schema that runs before the data is read, so that no
 * record can make the reader allocate much more than the record's own size: every declared string and
 * bytes length and every array and map block count (at any depth, for any writer schema) is compared with
 * the bytes that remain. Avro's own {@code BinaryDecoder} allocates what a length declares, so a 26-byte
 * record declaring a string of 2^31-9 bytes would otherwise end in an {@code OutOfMemoryError}.
 *
 * <p>The check is a skip-style walk over the bytes (no allocation, nothing decoded): varints are read,
 * lengths compared, strings skipped. It also refuses what the reader would fail on later (a union or enum
 * index out of range, a varint longer than its type allows, truncated data, trailing bytes) and nesting
 * deeper than {@link #MAX_DEPTH} levels (a recursive schema's data could otherwise overflow the reader's
 * stack). Items that take no bytes at all (an array of {@code null}, of empty records) cannot be bounded
 * by the bytes left: at most {@link #MAX_EMPTY_ITEMS} of them are accepted per record.
 *
 * <p>Create once per writer schema ({@link #of}) and share: thread-safe, immutable.
 */
public final class AvroBounds {
  /** Deepest nesting of records, arrays, maps and unions accepted. */
  public static final int MAX_DEPTH = 256;
  /** Most items that occupy zero bytes (e.g. an array of nulls) accepted in one record. */
  public static final int MAX_EMPTY_ITEMS = 65_536;

  private final Node root;

  private AvroBounds(Node root) {
    this.root = root;
  }

  /** The check for data written with {@code writerSchema}. */
  public static AvroBounds of(Schema writerSchema) {
    Node root = new Compiler().node(writerSchema, "");
    fillMin(root, new IdentityHashMap<>());
    return new AvroBounds(root);
  }

  private static void fillMin(Node n, Map<Node, Boolean> seen) {
    if (seen.put(n, Boolean.TRUE) != null) {
      return;
    }
    n.min = min(n, new IdentityHashMap<>());
    if (n.children != null) {
      for (Node c : n.children) {
        fillMin(c, seen);
      }
    }
  }

  /**
   * Checks that the {@code length} bytes at {@code offset} hold exactly one value of the writer schema
   * whose every declared length and count fits in the bytes that remain.
   *
   * @throws IllegalArgumentException saying what is wrong and where (field path), e.g.
   *     "array of 100000000 items declared with 89 bytes left at data.files"
   */
  public void check(byte[] bytes, int offset, int length) {
    Cursor c = new Cursor(bytes, offset, offset + length);
    walk(root, c, 0);
    if (c.pos != c.end) {
      throw new IllegalArgumentException((c.end - c.pos) + " trailing bytes after the record: the data was "
          + "written with another schema than the one given");
    }
  }

  private static final class Node {
    final Schema.Type type;
    final String path;
    Node[] children; // record fields, union branches, array items, map values
    int size; // fixed size, enum symbol count
    long min; // fewest bytes a value of this node takes

    Node(Schema.Type type, String path) {
      this.type = type;
      this.path = path;
    }

    String where() {
      return path.isEmpty() ? "" : " at " + path;
    }
  }

  private static final class Cursor {
    final byte[] b;
    int pos;
    final int end;
    long emptyItems;

    Cursor(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    long left() {
      return end - pos;
    }
  }

  private static void walk(Node n, Cursor c, int depth) {
    switch (n.type) {
      case NULL:
        return;
      case BOOLEAN:
        need(n, c, 1, "a boolean");
        c.pos++;
        return;
      case INT:
        readVarint(n, c, 5);
        return;
      case LONG:
        readVarint(n, c, 10);
        return;
      case FLOAT:
        need(n, c, 4, "a float");
        c.pos += 4;
        return;
      case DOUBLE:
        need(n, c, 8, "a double");
        c.pos += 8;
        return;
      case FIXED:
        need(n, c, n.size, "a fixed of " + n.size + " bytes");
        c.pos += n.size;
        return;
      case STRING:
      case BYTES: {
        long len = readVarint(n, c, 10);
        if (len < 0 || len > c.left()) {
          throw new IllegalArgumentException((n.type == Schema.Type.STRING ? "string" : "bytes") + " of " + len
              + " bytes declared with " + c.left() + " bytes left" + n.where());
        }
        c.pos += (int) len;
        return;
      }
      case ENUM: {
        long i = readVarint(n, c, 5);
        if (i < 0 || i >= n.size) {
          throw new IllegalArgumentException("enum symbol index " + i + " out of range (the writer schema has "
              + n.size + " symbols)" + n.where());
        }
        return;
      }
      case UNION: {
        long i = readVarint(n, c, 5);
        if (i < 0 || i >= n.children.length) {
          throw new IllegalArgumentException("union branch index " + i + " out of range (the writer schema has "
              + n.children.length + " branches)" + n.where());
        }
        walk(n.children[(int) i], c, deeper(n, depth));
        return;
      }
      case RECORD: {
        int d = deeper(n, depth);
        for (Node f : n.children) {
          walk(f, c, d);
        }
        return;
      }
      case ARRAY:
      case MAP:
        walkBlocks(n, c, deeper(n, depth));
        return;
      default:
        throw new IllegalStateException("Avro type " + n.type + " is not handled");
    }
  }

  private static void walkBlocks(Node n, Cursor c, int depth) {
    Node item = n.children[0];
    long itemMin = n.type == Schema.Type.MAP ? 1 + item.min : item.min; // a map entry starts with its key
    String what = n.type == Schema.Type.MAP ? "map" : "array";
    while (true) {
      long count = readVarint(n, c, 10);
      if (count == 0) {
        return;
      }
      if (count < 0) { // a negative count is followed by the block's size in bytes
        count = count == Long.MIN_VALUE ? Long.MAX_VALUE : -count;
        long blockBytes = readVarint(n, c, 10);
        if (blockBytes < 0 || blockBytes > c.left()) {
          throw new IllegalArgumentException(what + " block of " + blockBytes + " bytes declared with " + c.left()
              + " bytes left" + n.where());
        }
      }
      if (itemMin > 0) {
        if (count > c.left() / itemMin) {
          throw new IllegalArgumentException(what + " of " + count + " items declared with " + c.left()
              + " bytes left" + n.where() + " (each item takes at least " + itemMin + " byte"
              + (itemMin == 1 ? "" : "s") + ")");
        }
      } else {
        c.emptyItems += count;
        if (count > MAX_EMPTY_ITEMS || c.emptyItems > MAX_EMPTY_ITEMS) {
          throw new IllegalArgumentException(what + " of " + count + " items that take no bytes declared" + n.where()
              + ": more than " + MAX_EMPTY_ITEMS + " such items in one record are refused");
        }
      }
      for (long i = 0; i < count; i++) {
        if (n.type == Schema.Type.MAP) {
          long len = readVarint(n, c, 10);
          if (len < 0 || len > c.left()) {
            throw new IllegalArgumentException("map key of " + len + " bytes declared with " + c.left()
                + " bytes left" + n.where());
          }
          c.pos += (int) len;
        }
        walk(item, c, depth);
      }
    }
  }

  private static int deeper(Node n, int depth) {
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels" + n.where());
    }
    return depth + 1;
  }

  private static void need(Node n, Cursor c, int bytes, String what) {
    if (c.left() < bytes) {
      throw new IllegalArgumentException("the data ends early (truncated): " + what + " needs " + bytes
          + " bytes, " + c.left() + " left" + n.where());
    }
  }

  /** A zig-zag varint of at most {@code maxBytes} bytes (5 for int, 10 for long), decoded. */
  private static long readVarint(Node n, Cursor c, int maxBytes) {
    long raw = 0;
    int shift = 0;
    for (int i = 0; i < maxBytes; i++) {
      if (c.pos >= c.end) {
        throw new IllegalArgumentException("the data ends early (truncated) in a number" + n.where());
      }
      int b = c.b[c.pos++] & 0xff;
      raw |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        long v = (raw >>> 1) ^ -(raw & 1);
        return maxBytes == 5 ? (int) v : v;
      }
      shift += 7;
    }
    throw new IllegalArgumentException("invalid " + (maxBytes == 5 ? "int" : "long") + " encoding (more than "
        + maxBytes + " bytes)" + n.where());
  }

  /** Turns a schema into nodes once; recursive named types share their node. */
  private static final class Compiler {
    private final Map<Schema, Node> named = new IdentityHashMap<>();

    Node node(Schema s, String path) {
      Node known = named.get(s);
      if (known != null) {
        return known;
      }
      Node n = new Node(s.getType(), path);
      switch (s.getType()) {
        case RECORD: {
          named.put(s, n);
          List<Schema.Field> fields = s.getFields();
          n.children = new Node[fields.size()];
          for (int i = 0; i < fields.size(); i++) {
            Schema.Field f = fields.get(i);
            n.children[i] = node(f.schema(), path.isEmpty() ? f.name() : path + "." + f.name());
          }
          break;
        }
        case UNION: {
          List<Schema> types = s.getTypes();
          n.children = new Node[types.size()];
          for (int i = 0; i < types.size(); i++) {
            n.children[i] = node(types.get(i), path);
          }
          break;
        }
        case ARRAY:
          n.children = new Node[] {node(s.getElementType(), path + "[]")};
          break;
        case MAP:
          n.children = new Node[] {node(s.getValueType(), path + "{}")};
          break;
        case ENUM:
          named.put(s, n);
          n.size = s.getEnumSymbols().size();
          break;
        case FIXED:
          named.put(s, n);
          n.size = s.getFixedSize();
          break;
        default:
          break;
      }
      return n;
    }
  }

  /** Fills in {@code min} for a compiled tree; recursion counts as zero (a lower bound). */
  private static long min(Node n, Map<Node, Boolean> inProgress) {
    switch (n.type) {
      case NULL:
        return 0;
      case FLOAT:
        return 4;
      case DOUBLE:
        return 8;
      case FIXED:
        return n.size;
      case RECORD: {
        if (inProgress.containsKey(n)) {
          return 0;
        }
        inProgress.put(n, Boolean.TRUE);
        long sum = 0;
        for (Node f : n.children) {
          sum += min(f, inProgress);
        }
        inProgress.remove(n);
        return sum;
      }
      case UNION: {
        long least = Long.MAX_VALUE;
        for (Node b : n.children) {
          least = Math.min(least, min(b, inProgress));
        }
        return 1 + (least == Long.MAX_VALUE ? 0 : least);
      }
      default: // boolean, int, long, enum, string, bytes (a length), array and map (a final zero count)
        return 1;
    }
  }
}
