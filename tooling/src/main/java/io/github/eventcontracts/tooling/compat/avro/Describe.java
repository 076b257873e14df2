package io.github.eventcontracts.tooling.compat.avro;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/** Short, readable names of schema nodes for messages: {@code long (timestamp-millis)}, {@code [null, string]}. */
final class Describe {
  private Describe() {}

  /** The node's type as a reviewer would say it; named types by name, so recursion stays finite. */
  static String type(Schema s) {
    String logical = LogicalTypePolicy.logicalType(s);
    switch (s.getType()) {
      case RECORD:
        return "record " + s.getName();
      case ENUM:
        return "enum " + s.getName();
      case FIXED:
        return "fixed " + s.getName() + " (" + s.getFixedSize() + " bytes"
            + (logical == null ? "" : ", " + logical) + ")";
      case ARRAY:
        return "array of " + type(s.getElementType());
      case MAP:
        return "map of " + type(s.getValueType());
      case UNION:
        return s.getTypes().stream().map(Describe::type).collect(Collectors.joining(", ", "[", "]"));
      default:
        return primitive(s) + (logical == null ? "" : " (" + logical + ")");
    }
  }

  /** The underlying type's name in lower case: {@code long}, {@code string}, {@code record}. */
  static String primitive(Schema s) {
    return s.getType().getName().toLowerCase(Locale.ROOT);
  }

  /** {@code 'data.category'}, or {@code the top-level schema} for the root. */
  static String at(String path) {
    return path.isEmpty() ? "the top-level schema" : "'" + path + "'";
  }

  /** {@code at 'data.category'}, or {@code at the top level} for the root. */
  static String where(String path) {
    return path.isEmpty() ? "at the top level" : "at '" + path + "'";
  }

  /** {@code enum}, {@code record} or {@code fixed}. */
  static String kind(Schema s) {
    return s.getType().getName().toLowerCase(Locale.ROOT);
  }

  /** {@code A}, {@code A and B}, {@code A, B and C}. */
  static String list(List<String> items) {
    return list(items, "and");
  }

  /** {@code A}, {@code A or B}, {@code A, B or C}. */
  static String either(List<String> items) {
    return list(items, "or");
  }

  private static String list(List<String> items, String conjunction) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    String last = items.get(items.size() - 1);
    return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " " + last;
  }
}
