package io.github.eventcontracts.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * A check of Avro binary data against its writer schema that runs before the data is read, so that no
 * record can make the reader allocate much more than the record's own size: every declared string and
 * bytes length and every array and map block count (at any depth, for any writer schema) is compared with
 * the bytes that remain. Avro's own {@code BinaryDecoder} allocates what a length declares, so a 26-byte
 * record declaring a string of 2^31-9 bytes would otherwise end in an {@code OutOfMemoryError}.
 *
 * <p>The check is a skip-style walk over the bytes (no allocation, nothing decoded): varints are read,
 * lengths compared, strings skipped. An array or map block that declares its size in bytes must hold items
 * of exactly that size: a reader that skips the field (one its schema lacks) jumps the declared size, and
 * must land where the check did. The check also refuses what the reader would fail on or read otherwise
 * (a union or enum index out of range, a varint longer or wider than its type allows, truncated data,
 * trailing bytes) and nesting deeper than {@link #MAX_DEPTH} levels (a recursive schema's data could
 * otherwise overflow the reader's stack). Items that take no bytes at all (an array of {@code null}, of empty records) cannot be bounded
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
    fillMin(root);
    return new AvroBounds(root);
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
      long blockBytes = -1; // unknown: the block's size is not declared
      if (count < 0) { // a negative count is followed by the block's size in bytes
        count = count == Long.MIN_VALUE ? Long.MAX_VALUE : -count;
        blockBytes = readVarint(n, c, 10);
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
      int blockStart = c.pos;
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
      // A reader that skips this array or map (a writer-only field) jumps the declared size and reads the
      // next count there: unless the items take exactly that size, it reads other bytes than were checked.
      if (blockBytes >= 0 && c.pos - blockStart != blockBytes) {
        throw new IllegalArgumentException(what + " block declared " + blockBytes + " bytes but its items take "
            + (c.pos - blockStart) + n.where());
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
      if (maxBytes == 5 && i == 4 && b > 0x0f) {
        // Avro's readInt keeps only the low 4 bits of a fifth byte: refuse what it would read otherwise
        throw new IllegalArgumentException("invalid int encoding (a fifth byte of 0x" + Integer.toHexString(b)
            + " holds more than 32 bits)" + n.where());
      }
      raw |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return (raw >>> 1) ^ -(raw & 1); // an int's raw value has at most 32 bits: it fits an int
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

  /**
   * Fills in {@code min}, the fewest bytes of any value of each node, for a compiled tree. A node's minimum
   * depends only on its children's: all start unknown (infinite) and are lowered pass after pass, children
   * before parents, until none changes. Each node is computed once per pass (a named type used many times
   * is not walked again for each use), and as the smallest value of a type never holds a value of that same
   * type inside it, a pass per nesting level at most reaches the exact minimum. A type no finite value has
   * (a record that must hold itself) keeps none, and counts as zero: a lower bound.
   */
  private static void fillMin(Node root) {
    List<Node> order = new ArrayList<>();
    postOrder(root, Collections.newSetFromMap(new IdentityHashMap<>()), order);
    for (Node n : order) {
      n.min = Long.MAX_VALUE;
    }
    for (boolean changed = true; changed; ) {
      changed = false;
      for (Node n : order) {
        long m = minFromChildren(n);
        if (m < n.min) {
          n.min = m;
          changed = true;
        }
      }
    }
    for (Node n : order) {
      if (n.min == Long.MAX_VALUE) {
        n.min = 0;
      }
    }
  }

  private static void postOrder(Node n, Set<Node> seen, List<Node> order) {
    if (!seen.add(n)) {
      return;
    }
    if (n.children != null) {
      for (Node c : n.children) {
        postOrder(c, seen, order);
      }
    }
    order.add(n);
  }

  /** The fewest bytes of a value of {@code n} given its children's current minimums (MAX_VALUE: none yet). */
  private static long minFromChildren(Node n) {
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
        long sum = 0;
        for (Node f : n.children) {
          if (f.min == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
          }
          sum = Math.min(sum + f.min, Long.MAX_VALUE - 1); // no overflow; MAX_VALUE stays "none"
        }
        return sum;
      }
      case UNION: {
        long least = Long.MAX_VALUE;
        for (Node b : n.children) {
          least = Math.min(least, b.min);
        }
        return least == Long.MAX_VALUE ? Long.MAX_VALUE : 1 + Math.min(least, Long.MAX_VALUE - 2);
      }
      default: // boolean, int, long, enum, string, bytes (a length), array and map (a final zero count)
        return 1;
    }
  }
}
