package io.github.eventcontracts.tooling.compat.json;

/**
 * The two kinds of location the engine deals in: field paths by property names ({@code data.files[]},
 * {@code status.oneOf[1]}) for people, and JSON Pointers ({@code /properties/data/items}) into documents.
 */
final class Paths {
  private Paths() {}

  /** {@code data} + {@code name} = {@code data.name}; {@code data} + {@code []} = {@code data[]}. */
  static String join(String prefix, String segment) {
    if (prefix.isEmpty()) {
      return segment;
    }
    if (segment.isEmpty()) {
      return prefix;
    }
    return segment.startsWith("[") ? prefix + segment : prefix + "." + segment;
  }

  /** The last property name of a field path: {@code category} for {@code data.category}. */
  static String leaf(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /** The pointer of member {@code name} under {@code pointer}, escaped as RFC 6901 requires. */
  static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer of element {@code index} under {@code pointer}. */
  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  /**
   * A field path for a pointer, used where no comparison is under way (invalid schemas):
   * {@code /properties/data/properties/name} becomes {@code data.name}; other keywords are kept.
   */
  static String fieldPath(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    String[] parts = pointer.substring(1).split("/", -1);
    String path = "";
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].replace("~1", "/").replace("~0", "~");
      boolean hasNext = i + 1 < parts.length;
      if (part.equals("properties") && hasNext) {
        path = join(path, parts[++i].replace("~1", "/").replace("~0", "~"));
      } else if ((part.equals("items") || part.equals("prefixItems")) && hasNext && parts[i + 1].matches("\\d+")) {
        path = join(path, "[" + parts[++i] + "]");
      } else if (part.equals("items")) {
        path = join(path, "[]");
      } else if (hasNext && parts[i + 1].matches("\\d+")) {
        path = join(path, part + "[" + parts[++i] + "]");
      } else {
        path = join(path, part);
      }
    }
    return path;
  }
}
