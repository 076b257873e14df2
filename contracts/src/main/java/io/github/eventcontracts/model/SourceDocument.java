package io.github.eventcontracts.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON or YAML file parsed once into a tree, remembering where every node starts, so that any finding
 * about a node can name its line and column. Positions are keyed by JSON Pointer ({@code /fields/3/type});
 * for an object member the position is that of its key.
 */
public final class SourceDocument {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final String file;
  private final String text;
  private final JsonNode root;
  private final Map<String, Position> positions;

  private SourceDocument(String file, String text, JsonNode root, Map<String, Position> positions) {
    this.file = file;
    this.text = text;
    this.root = root;
    this.positions = positions;
  }

  /**
   * Parses {@code text}; YAML when the file name ends in .yaml or .yml (before any {@code @revision}),
   * JSON otherwise.
   *
   * @throws ContractException naming the file, line and column when the text is not well-formed
   */
  public static SourceDocument parse(String file, String text) {
    // a revision may follow the name (schemas/catalog.yaml@1a2b3c4): the extension is before it
    String name = file.contains("@") ? file.substring(0, file.lastIndexOf('@')) : file;
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    Map<String, Position> positions = new HashMap<>();
    try (JsonParser p = (yaml ? YAML : JSON).createParser(text)) {
      if (p.nextToken() == null) {
        throw new ContractException(new Finding("FILE_UNPARSEABLE", file, 1, 1, "", "the file is empty",
            "write a " + (yaml ? "YAML mapping" : "JSON object") + " into it"));
      }
      JsonNode root = read(p, "", positions);
      if (p.nextToken() != null) {
        JsonLocation l = p.currentTokenLocation();
        throw new ContractException(new Finding("FILE_UNPARSEABLE", file, l.getLineNr(), l.getColumnNr(), "",
            "unexpected content after the end of the document", "remove it"));
      }
      return new SourceDocument(file, text, root, positions);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      int line = l == null ? 0 : l.getLineNr();
      int col = l == null ? 0 : l.getColumnNr();
      throw new ContractException(new Finding("FILE_UNPARSEABLE", file, line, col, "",
          "not well-formed " + (yaml ? "YAML" : "JSON") + ": " + plain(e.getOriginalMessage()),
          "correct the syntax at that line"));
    } catch (IOException e) {
      throw new ContractException(new Finding("FILE_UNREADABLE", file, 0, 0, "", e.toString(), ""));
    }
  }

  /** Jackson's message without its internal source descriptions ("[Source: REDACTED ...; line: 3, column: 1]"). */
  static String plain(String message) {
    if (message == null) {
      return "";
    }
    return message.replaceAll("\\[Source: [^;\\]]*;? ?line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
        .replaceAll("\\[Source: [^\\]]*\\]", "").replaceAll("\\s+", " ").strip();
  }

  private static JsonNode read(JsonParser p, String pointer, Map<String, Position> positions) throws IOException {
    positions.putIfAbsent(pointer, position(p));
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
          positions.put(child, position(p));
          p.nextToken();
          o.set(name, read(p, child, positions));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(read(p, pointer + "/" + i++, positions));
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT: return NODES.numberNode(p.getIntValue());
          case LONG: return NODES.numberNode(p.getLongValue());
          default: return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("unexpected token " + t);
    }
  }

  private static Position position(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return new Position(l.getLineNr(), l.getColumnNr());
  }

  /** The file name as shown to users, relative to the repository root. */
  public String file() {
    return file;
  }

  public String text() {
    return text;
  }

  public JsonNode root() {
    return root;
  }

  /** The position of the node at {@code pointer}, or of its nearest ancestor that has one. */
  public Position position(String pointer) {
    String p = pointer;
    while (true) {
      Position found = positions.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return new Position(1, 1);
      }
      p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
    }
  }

  /**
   * The pointer of the first string value equal to {@code value} (else of the first key), searched
   * depth-first; used to locate
   * what a third-party parser complains about when it gives no position itself.
   */
  public String findText(String value) {
    String asValue = findText(root, "", value, false);
    return asValue != null ? asValue : findText(root, "", value, true);
  }

  private static String findText(JsonNode node, String pointer, String value, boolean keys) {
    if (!keys && node.isTextual() && node.textValue().equals(value)) {
      return pointer;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String child = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        if (keys && e.getKey().equals(value)) {
          return child;
        }
        String r = findText(e.getValue(), child, value, keys);
        if (r != null) {
          return r;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String r = findText(node.get(i), pointer + "/" + i, value, keys);
        if (r != null) {
          return r;
        }
      }
    }
    return null;
  }
}
