package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.eventcontracts.tooling.compat.json.Schema.ValuesPart;
import java.util.List;

/**
 * Compares {@code enum} and {@code const} as sets of allowed values ({@code const} is a one-value enum,
 * so {@code const} to {@code enum} that still allows the value extends it). Values are equal as JSON
 * Schema defines it: {@code 1} equals {@code 1.0}, object member order does not matter.
 */
final class ValuesDiff {
  private ValuesDiff() {}

  static void compare(Context ctx, ValuesPart o, ValuesPart u) {
    boolean lost = !JsonValues.missingFrom(o.values(), u.values()).isEmpty();
    boolean gained = !JsonValues.missingFrom(u.values(), o.values()).isEmpty();
    if (!lost && !gained) {
      return;
    }
    Difference.Type type = !lost ? ENUM_ARRAY_EXTENDED : !gained ? ENUM_ARRAY_NARROWED : ENUM_ARRAY_CHANGED;
    ctx.add(type, o.pointer(), u.pointer(), array(o.values()), array(u.values()));
  }

  private static JsonNode array(List<JsonNode> values) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    values.forEach(a::add);
    return a;
  }
}
