package io.github.eventcontracts.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcontracts.codec.CompiledSchema.Bound;
import io.github.eventcontracts.codec.CompiledSchema.Node;
import io.github.eventcontracts.codec.CompiledSchema.Property;
import io.github.eventcontracts.codec.CompiledSchema.StringKind;
import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SourceDocument;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.PatternSyntaxException;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Compiles an event's JSON Schema, as the contract model loaded it, into a {@link CompiledSchema} paired with
 * the generated class. Fails closed: a keyword it does not check, a dialect it does not know or a pairing it
 * cannot fill is a {@link ContractException} naming the schema file, line and keyword path, never a keyword
 * silently ignored.
 *
 * <p>What it compiles (every draft from draft-07 on reads these the same): {@code type} (object, string,
 * integer, array); for objects {@code properties}, {@code required}, {@code additionalProperties} (true or
 * false); for strings {@code const}, {@code enum}, {@code pattern}, {@code format} uuid and date-time; for
 * integers {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum}; for arrays
 * {@code items}. Annotations ({@code title}, {@code description}, {@code examples}, {@code default},
 * {@code $comment}, {@code deprecated}, {@code readOnly}, {@code writeOnly}, {@code x-*}) change no verdict.
 */
final class JsonSchemaCompiler {
  /** The rule id of what the compiler cannot compile. */
  static final String RULE = "JSON_KEYWORD_UNSUPPORTED";

  /** {@code $schema} values read (http or https, with or without a trailing #); none means the same keywords. */
  static final Set<String> DIALECTS = Set.of("json-schema.org/draft-07/schema",
      "json-schema.org/draft/2019-09/schema", "json-schema.org/draft/2020-12/schema");

  private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "default", "$comment",
      "deprecated", "readOnly", "writeOnly");
  private static final Map<String, Set<String>> KEYWORDS = Map.of(
      "object", Set.of("type", "properties", "required", "additionalProperties"),
      "string", Set.of("type", "const", "enum", "pattern", "format"),
      "integer", Set.of("type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
      "array", Set.of("type", "items"));
  private static final List<String> BOUNDS = List.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum");

  private final EventContract event;
  private final SourceDocument doc;
  private final List<Finding> findings = new ArrayList<>();
  private int arrayDepth;

  private JsonSchemaCompiler(EventContract event) {
    this.event = event;
    this.doc = event.jsonSource();
  }

  /**
   * The event's JSON Schema compiled for {@code type}, its generated class.
   *
   * @throws ContractException listing everything that cannot be compiled, each with file, line and keyword path
   */
  static CompiledSchema compile(EventContract event, Class<? extends SpecificRecord> type) {
    JsonSchemaCompiler c = new JsonSchemaCompiler(event);
    JsonNode root = event.jsonSource().root();
    c.dialect(root);
    CompiledSchema.RecordNode node = c.record(SpecificData.get().getSchema(type), type, root, c.keywords(root, ""), "",
        "$", 0);
    if (!c.findings.isEmpty()) {
      throw new ContractException(c.findings);
    }
    return new CompiledSchema(node, c.arrayDepth);
  }

  private void unsupported(String pointer, String message, String hint) {
    findings.add(Finding.at(RULE, doc, pointer, "", message + " (" + (pointer.isEmpty() ? "/" : pointer) + ")",
        hint));
  }

  private void mismatch(String pointer, String message) {
    findings.add(Finding.at(RULE, doc, pointer, "", message + " (" + (pointer.isEmpty() ? "/" : pointer) + ")",
        "make the JSON Schema and the Avro schema agree (lint AVRO_JSON_MISMATCH says how)"));
  }

  private void dialect(JsonNode root) {
    JsonNode s = root.get("$schema");
    if (s == null) {
      return;
    }
    String uri = s.asText("").replaceFirst("^https?://", "").replaceFirst("#$", "");
    if (!s.isTextual() || !DIALECTS.contains(uri)) {
      unsupported("/$schema", "the JSON Schema dialect " + s + " is not one the compiled JSON reader knows",
          "declare draft-07, 2019-09 or 2020-12 (http://json-schema.org/draft-07/schema#, "
              + "https://json-schema.org/draft/2020-12/schema)");
    }
  }

  /** The keywords of a schema node, each known for its type or reported. */
  private String keywords(JsonNode json, String pointer) {
    if (!json.isObject()) {
      unsupported(pointer, "a boolean schema (" + json + ") is not supported by the compiled JSON reader",
          "write an object schema with a \"type\"");
      return null;
    }
    JsonNode typeNode = json.get("type");
    String type = typeNode != null && typeNode.isTextual() ? typeNode.textValue() : null;
    Set<String> allowed = type == null ? null : KEYWORDS.get(type);
    if (allowed == null) {
      unsupported(pointer + (typeNode == null ? "" : "/type"), (typeNode == null ? "a schema without \"type\""
          : "\"type\": " + typeNode) + " is not supported by the compiled JSON reader",
          "give every schema node one type of " + KEYWORDS.keySet());
      return null;
    }
    for (var it = json.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      boolean rootOnly = pointer.isEmpty() && (k.equals("$schema") || k.equals("$id"));
      if (!allowed.contains(k) && !ANNOTATIONS.contains(k) && !k.startsWith("x-") && !rootOnly) {
        unsupported(pointer + "/" + k.replace("~", "~0").replace("/", "~1"), "keyword '" + k + "' on a schema of "
            + "type " + type + " is not checked by the compiled JSON reader (EventJsonCodec), so payloads would not "
            + "be validated against it", "remove it, or teach codec/JsonSchemaCompiler to check it (and "
            + "SchemaCodecAgreementTest to generate payloads for it)");
      }
    }
    return type;
  }

  /** An object schema whose keywords {@link #keywords} has checked (and found of {@code type}) as a record. */
  private CompiledSchema.RecordNode record(Schema avro, Class<?> javaType, JsonNode json, String type, String pointer,
      String path, int depth) {
    if (type == null) {
      return null;
    }
    if (!type.equals("object")) {
      mismatch(pointer, "an Avro record (" + avro.getFullName() + ") but JSON Schema type " + type);
      return null;
    }
    Constructor<? extends SpecificRecord> constructor = constructor(javaType, pointer);
    SpecificRecordBase instance = newInstance(constructor);
    JsonNode additional = json.get("additionalProperties");
    if (additional != null && !additional.isBoolean()) {
      unsupported(pointer + "/additionalProperties", "additionalProperties as a schema is not supported by the "
          + "compiled JSON reader", "write additionalProperties: false (the closed content model)");
    }
    boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue();
    Set<String> required = new LinkedHashSet<>();
    JsonNode req = json.get("required");
    if (req != null) {
      if (!req.isArray()) {
        unsupported(pointer + "/required", "required must be an array of property names", "list the names");
      } else {
        req.forEach(r -> required.add(r.asText()));
      }
    }
    JsonNode props = json.path("properties");
    for (String r : required) {
      if (!props.has(r)) {
        unsupported(pointer + "/required", "required names '" + r + "', which is not among the properties",
            "declare the property, or remove the name from required");
      }
    }
    List<Property> properties = new ArrayList<>();
    for (Schema.Field f : avro.getFields()) {
      if (!props.has(f.name())) {
        mismatch(pointer + "/properties", "the Avro field '" + f.name() + "' of " + avro.getFullName()
            + " is no property of the JSON Schema, so the reader could not fill it");
      }
    }
    for (var it = props.fields(); it.hasNext(); ) {
      var e = it.next();
      String name = e.getKey();
      String propPointer = pointer + "/properties/" + name.replace("~", "~0").replace("/", "~1");
      Schema.Field f = avro.getField(name);
      if (f == null) {
        mismatch(propPointer, "property '" + name + "' is no field of the Avro record " + avro.getFullName());
        continue;
      }
      Schema fieldSchema = f.schema();
      boolean nullable = false;
      if (fieldSchema.isUnion()) {
        List<Schema> branches = fieldSchema.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).toList();
        if (branches.size() != 1 || fieldSchema.getTypes().size() != 2) {
          mismatch(propPointer, "the Avro field '" + name + "' is a union other than [\"null\", T]");
          continue;
        }
        nullable = true;
        fieldSchema = branches.get(0);
      }
      boolean isRequired = required.contains(name);
      if (!nullable && !isRequired) {
        mismatch(propPointer, "property '" + name + "' is optional in the JSON Schema but the Avro field cannot be "
            + "null");
      }
      Conversion<?> conversion = instance == null ? null : instance.getConversion(f.pos());
      Node node = value(fieldSchema, conversion, javaFieldType(f), e.getValue(), propPointer,
          path + "." + name, depth);
      if (node != null) {
        properties.add(new Property(name.intern(), f.pos(), node, isRequired, nullable));
      }
    }
    if (properties.size() > 64) {
      unsupported(pointer + "/properties", "more than 64 properties in one object are not supported by the "
          + "compiled JSON reader", "nest some of them in an object");
    }
    return constructor == null ? null : new CompiledSchema.RecordNode(parts(path, depth), constructor, properties,
        closed);
  }

  /** The generated class of a record or enum field (of the generated class's own schema), or null. */
  private static Class<?> javaFieldType(Schema.Field f) {
    Schema s = f.schema();
    if (s.isUnion()) {
      s = s.getTypes().stream().filter(b -> b.getType() != Schema.Type.NULL).findFirst().orElse(s);
    }
    return s.getType() == Schema.Type.RECORD || s.getType() == Schema.Type.ENUM ? SpecificData.get().getClass(s) : null;
  }

  @SuppressWarnings("unchecked")
  private Constructor<? extends SpecificRecord> constructor(Class<?> javaType, String pointer) {
    try {
      if (javaType == null || !SpecificRecordBase.class.isAssignableFrom(javaType)) {
        throw new NoSuchMethodException("no generated class");
      }
      return (Constructor<? extends SpecificRecord>) javaType.getConstructor();
    } catch (NoSuchMethodException e) {
      mismatch(pointer, "no generated class with a public no-argument constructor for this object; rebuild the "
          + "contracts artifact");
      return null;
    }
  }

  private static SpecificRecordBase newInstance(Constructor<? extends SpecificRecord> c) {
    try {
      return c == null ? null : (SpecificRecordBase) c.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + c.getDeclaringClass().getName(), e);
    }
  }

  private Node value(Schema avro, Conversion<?> conversion, Class<?> javaType, JsonNode json, String pointer,
      String path, int depth) {
    String type = keywords(json, pointer);
    if (type == null) {
      return null;
    }
    String logical = avro.getLogicalType() == null ? "" : avro.getLogicalType().getName();
    switch (type) {
      case "object":
        if (avro.getType() != Schema.Type.RECORD) {
          break;
        }
        return record(avro, javaType, json, type, pointer, path, depth);
      case "array":
        if (avro.getType() != Schema.Type.ARRAY) {
          break;
        }
        JsonNode items = json.get("items");
        if (items == null || !items.isObject()) {
          unsupported(pointer + (items == null ? "" : "/items"), "an array without an \"items\" schema (or with "
              + "the tuple form) is not supported by the compiled JSON reader", "give the array \"items\": {...}");
          return null;
        }
        Schema itemSchema = avro.getElementType();
        if (itemSchema.getType() == Schema.Type.RECORD || itemSchema.getType() == Schema.Type.ENUM) {
          unsupported(pointer + "/items", "arrays of records or enums are not supported by the compiled JSON "
              + "reader yet", "teach codec/JsonSchemaCompiler to fill them");
          return null;
        }
        arrayDepth = Math.max(arrayDepth, depth + 1);
        Node item = value(itemSchema, null, null, items, pointer + "/items", path + "[]", depth + 1);
        return item == null ? null : new CompiledSchema.ArrayNode(parts(path, depth), item, depth);
      case "integer":
        if (avro.getType() != Schema.Type.INT && avro.getType() != Schema.Type.LONG || !logical.isEmpty()) {
          break;
        }
        List<Bound> bounds = new ArrayList<>();
        for (String k : BOUNDS) {
          JsonNode b = json.get(k);
          if (b == null) {
            continue;
          }
          if (!b.isNumber()) {
            unsupported(pointer + "/" + k, k + " must be a number", "write a number");
            continue;
          }
          bounds.add(new Bound(k, b.decimalValue(), b.isBigDecimal() ? b.decimalValue().toPlainString() : b.asText()));
        }
        return new CompiledSchema.IntegerNode(parts(path, depth), bounds, avro.getType() == Schema.Type.INT);
      case "string":
        return string(avro, conversion, javaType, json, pointer, path, depth, logical);
      default:
        break;
    }
    mismatch(pointer, "JSON Schema type " + type + " cannot fill the Avro type " + avro.getType().getName()
        + (logical.isEmpty() ? "" : " (" + logical + ")"));
    return null;
  }

  private Node string(Schema avro, Conversion<?> conversion, Class<?> javaType, JsonNode json, String pointer,
      String path, int depth, String logical) {
    Class<?> converted = conversion == null ? null : conversion.getConvertedType();
    StringKind kind;
    if (avro.getType() == Schema.Type.STRING && logical.isEmpty()) {
      kind = StringKind.STRING;
    } else if (avro.getType() == Schema.Type.STRING && logical.equals("uuid") && converted == UUID.class) {
      kind = StringKind.UUID;
    } else if (avro.getType() == Schema.Type.LONG && logical.equals("timestamp-millis") && converted == Instant.class) {
      kind = StringKind.INSTANT_MILLIS;
    } else if (avro.getType() == Schema.Type.ENUM && javaType != null && javaType.isEnum()) {
      kind = StringKind.ENUM;
    } else {
      mismatch(pointer, "JSON Schema type string cannot fill the Avro type " + avro.getType().getName()
          + (logical.isEmpty() ? "" : " (" + logical + ")") + (converted == null ? "" : " held as "
          + converted.getName()));
      return null;
    }
    String constValue = null;
    JsonNode c = json.get("const");
    if (c != null) {
      if (!c.isTextual() || kind != StringKind.STRING) {
        unsupported(pointer + "/const", "const is supported on plain strings, with a string value", "");
      } else {
        constValue = c.textValue();
      }
    }
    Map<String, Object> allowed = null;
    boolean[] allowedOrdinals = null;
    String enumMessage = null;
    JsonNode e = json.get("enum");
    if (kind == StringKind.ENUM && e == null) {
      mismatch(pointer, "the Avro enum " + avro.getFullName() + " needs the JSON Schema's \"enum\" of its symbols");
      return null;
    }
    if (e != null) {
      List<String> values = new ArrayList<>();
      e.forEach(v -> values.add(v.isTextual() ? v.textValue() : null));
      if (!e.isArray() || values.contains(null) || kind == StringKind.UUID || kind == StringKind.INSTANT_MILLIS) {
        unsupported(pointer + "/enum", "enum is supported on plain strings and Avro enums, with string values", "");
        return null;
      }
      allowed = new HashMap<>();
      if (kind == StringKind.ENUM) {
        allowedOrdinals = new boolean[avro.getEnumSymbols().size()];
        for (String v : values) {
          if (!avro.hasEnumSymbol(v)) {
            mismatch(pointer + "/enum", "enum value '" + v + "' is no symbol of the Avro enum " + avro.getFullName());
            continue;
          }
          @SuppressWarnings({"unchecked", "rawtypes"})
          Enum<?> constant = Enum.valueOf((Class) javaType, v);
          allowed.put(v, constant);
          allowedOrdinals[constant.ordinal()] = true;
        }
        boolean all = true;
        for (boolean b : allowedOrdinals) {
          all &= b;
        }
        allowedOrdinals = all ? null : allowedOrdinals;
      } else {
        for (String v : values) {
          allowed.put(v, v);
        }
      }
      StringBuilder m = new StringBuilder("does not have a value in the enumeration [");
      for (int i = 0; i < values.size(); i++) {
        m.append(i == 0 ? "" : ", ").append('"').append(values.get(i)).append('"');
      }
      enumMessage = m.append(']').toString();
    }
    CompiledSchema.StringCheck pattern = null;
    String patternMessage = null;
    boolean checkCanonical = false;
    JsonNode p = json.get("pattern");
    if (p != null) {
      if (!p.isTextual()) {
        unsupported(pointer + "/pattern", "pattern must be a string", "");
      } else {
        try {
          pattern = Patterns.compile(p.textValue());
          checkCanonical = !Patterns.matchesEveryCanonicalTimestamp(p.textValue());
        } catch (PatternSyntaxException x) {
          unsupported(pointer + "/pattern", "the pattern is no regular expression Java reads: " + x.getDescription(),
              "write it in the syntax both ECMA-262 and java.util.regex read");
        }
        patternMessage = patternMessage(json, p.textValue());
      }
    }
    Formats.Format format = null;
    JsonNode f = json.get("format");
    if (f != null) {
      String name = f.asText("");
      if (name.equals("uuid")) {
        format = Formats.Format.UUID;
      } else if (name.equals("date-time")) {
        format = Formats.Format.DATE_TIME;
      } else {
        unsupported(pointer + "/format", "format " + f + " is not checked by the compiled JSON reader (it checks "
            + "uuid and date-time)", "remove it, or teach codec/Formats to check it");
      }
    }
    if (kind == StringKind.UUID && format != Formats.Format.UUID) {
      mismatch(pointer, "an Avro uuid needs \"format\": \"uuid\" in the JSON Schema");
    }
    if (kind == StringKind.INSTANT_MILLIS && format != Formats.Format.DATE_TIME) {
      mismatch(pointer, "an Avro timestamp needs \"format\": \"date-time\" in the JSON Schema");
    }
    return new CompiledSchema.StringNode(parts(path, depth), kind, constValue, allowed, allowedOrdinals, enumMessage,
        pattern, patternMessage, checkCanonical, format);
  }

  /**
   * networknt's message, except for a long pattern (the timestamp's is several hundred characters): quoting it
   * helps nobody, so the message names the rule from the field's own description instead.
   */
  private static String patternMessage(JsonNode json, String pattern) {
    if (pattern.length() <= 80) {
      return "does not match the regex pattern " + pattern;
    }
    String description = json.path("description").asText("");
    return "does not match the pattern its JSON Schema requires" + (description.isEmpty() ? ""
        : " (the schema's description: " + description + ")");
  }

  /** A path split where array indexes go: {@code $.data.files[]} is {@code {"$.data.files", ""}}. */
  private static String[] parts(String path, int depth) {
    String[] parts = path.split("\\[\\]", -1);
    if (parts.length != depth + 1) {
      throw new IllegalStateException("path " + path + " at array depth " + depth);
    }
    return parts;
  }
}
