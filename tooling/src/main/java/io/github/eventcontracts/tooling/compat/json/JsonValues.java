package io.github.eventcontracts.tooling.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Equality of JSON values as JSON Schema means it: {@code 1} equals {@code 1.0}, member order is ignored. */
final class JsonValues {
  private JsonValues() {}

  /** A string that is equal for two values exactly when JSON Schema considers them equal. */
  static String canonical(JsonNode value) {
    StringBuilder b = new StringBuilder();
    write(value, b);
    return b.toString();
  }

  /** Whether two possibly absent values are equal (both absent counts as equal). */
  static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    return canonical(a).equals(canonical(b));
  }

  private static void write(JsonNode v, StringBuilder b) {
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue().stripTrailingZeros();
      b.append(d.signum() == 0 ? "0" : d.toPlainString());
    } else if (v.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      v.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      b.append('{');
      String sep = "";
      for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
        b.append(sep).append(quote(e.getKey())).append(':');
        write(e.getValue(), b);
        sep = ",";
      }
      b.append('}');
    } else if (v.isArray()) {
      b.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(v.get(i), b);
      }
      b.append(']');
    } else if (v.isTextual()) {
      b.append(quote(v.textValue()));
    } else {
      b.append(v);
    }
  }

  private static String quote(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }

  /** The elements of {@code values} whose canonical form is not among {@code others}, in order. */
  static List<JsonNode> missingFrom(List<JsonNode> values, List<JsonNode> others) {
    List<String> keys = others.stream().map(JsonValues::canonical).toList();
    List<JsonNode> missing = new ArrayList<>();
    for (JsonNode v : values) {
      if (!keys.contains(canonical(v))) {
        missing.add(v);
      }
    }
    return missing;
  }
}
