package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.eventcontracts.tooling.compat.json.Schema.JsonType;
import io.github.eventcontracts.tooling.compat.json.Schema.TypePart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares {@code type} and, for each type both schemas allow, that type's keywords. A type array is a
 * sum of types: types only the update allows extend it ({@link Difference.Type#SUM_TYPE_EXTENDED}), types
 * it no longer allows narrow it ({@link Difference.Type#SUM_TYPE_NARROWED}); {@code integer} to
 * {@code number} extends the type ({@link Difference.Type#TYPE_EXTENDED}) and the reverse narrows it;
 * with no type in common the type changed ({@link Difference.Type#TYPE_CHANGED}).
 */
final class TypeDiff {
  private TypeDiff() {}

  static void compare(Context ctx, TypePart o, TypePart u) {
    Map<JsonType, JsonType> pairs = new LinkedHashMap<>();
    List<JsonType> removed = new ArrayList<>();
    for (JsonType t : o.types()) {
      if (u.types().contains(t)) {
        pairs.put(t, t);
      } else if (t == JsonType.INTEGER && u.types().contains(JsonType.NUMBER)) {
        pairs.put(t, JsonType.NUMBER);
      } else if (t == JsonType.NUMBER && u.types().contains(JsonType.INTEGER) && !o.types().contains(JsonType.INTEGER)) {
        pairs.put(t, JsonType.INTEGER);
      } else {
        removed.add(t);
      }
    }
    List<JsonType> added = u.types().stream().filter(t -> !pairs.containsValue(t)).toList();
    JsonNode from = names(o.types());
    JsonNode to = names(u.types());
    if (pairs.isEmpty()) {
      ctx.add(TYPE_CHANGED, o.pointer(), u.pointer(), from, to);
      return;
    }
    if (!removed.isEmpty()) {
      ctx.add(SUM_TYPE_NARROWED, o.pointer(), u.pointer(), from, to);
    }
    if (!added.isEmpty()) {
      ctx.add(SUM_TYPE_EXTENDED, o.pointer(), u.pointer(), from, to);
    }
    boolean numbersCompared = false;
    for (Map.Entry<JsonType, JsonType> pair : pairs.entrySet()) {
      JsonType a = pair.getKey();
      JsonType b = pair.getValue();
      if (a == JsonType.INTEGER && b == JsonType.NUMBER) {
        ctx.add(TYPE_EXTENDED, o.pointer(), u.pointer(), from, to);
      } else if (a == JsonType.NUMBER && b == JsonType.INTEGER) {
        ctx.add(TYPE_NARROWED, o.pointer(), u.pointer(), from, to);
      }
      switch (a) {
        case STRING -> StringDiff.compare(ctx, o.string(), u.string());
        case NUMBER, INTEGER -> {
          if (!numbersCompared) {
            NumberDiff.compare(ctx, o.number(), u.number());
            numbersCompared = true;
          }
        }
        case OBJECT -> ObjectDiff.compare(ctx, o.object(), u.object());
        case ARRAY -> ArrayDiff.compare(ctx, o.array(), u.array());
        case BOOLEAN, NULL -> { }
      }
    }
  }

  /** {@code string or null}, for messages. */
  private static JsonNode names(List<JsonType> types) {
    return TextNode.valueOf(types.stream().map(t -> t.keyword).collect(Collectors.joining(" or ")));
  }
}
