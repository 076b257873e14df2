package io.github.eventcontracts.tooling.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.json.Schema.Applied;
import io.github.eventcontracts.tooling.compat.json.Schema.ArrayRules;
import io.github.eventcontracts.tooling.compat.json.Schema.Bound;
import io.github.eventcontracts.tooling.compat.json.Schema.Branch;
import io.github.eventcontracts.tooling.compat.json.Schema.CombinedPart;
import io.github.eventcontracts.tooling.compat.json.Schema.Criterion;
import io.github.eventcontracts.tooling.compat.json.Schema.DependencyArray;
import io.github.eventcontracts.tooling.compat.json.Schema.DependencySchema;
import io.github.eventcontracts.tooling.compat.json.Schema.Form;
import io.github.eventcontracts.tooling.compat.json.Schema.Item;
import io.github.eventcontracts.tooling.compat.json.Schema.JsonType;
import io.github.eventcontracts.tooling.compat.json.Schema.Keyword;
import io.github.eventcontracts.tooling.compat.json.Schema.Meta;
import io.github.eventcontracts.tooling.compat.json.Schema.NotPart;
import io.github.eventcontracts.tooling.compat.json.Schema.NumberRules;
import io.github.eventcontracts.tooling.compat.json.Schema.ObjectRules;
import io.github.eventcontracts.tooling.compat.json.Schema.Part;
import io.github.eventcontracts.tooling.compat.json.Schema.PartKind;
import io.github.eventcontracts.tooling.compat.json.Schema.PatternProperty;
import io.github.eventcontracts.tooling.compat.json.Schema.Property;
import io.github.eventcontracts.tooling.compat.json.Schema.RefPart;
import io.github.eventcontracts.tooling.compat.json.Schema.StringRules;
import io.github.eventcontracts.tooling.compat.json.Schema.Text;
import io.github.eventcontracts.tooling.compat.json.Schema.TypePart;
import io.github.eventcontracts.tooling.compat.json.Schema.ValuesPart;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads a JSON Schema document into {@link Schema} nodes, checking on the way that it is a schema the
 * engine can compare: every keyword it interprets has a value of the right shape, every {@code $ref}
 * resolves inside the document, and no {@code $ref} chain loops on itself. Everything reachable from the
 * root and every entry of {@code $defs}/{@code definitions} is checked, so an invalid definition is found
 * even when nothing uses it yet. Problems are collected and thrown together as one {@link ContractException}
 * with rule id {@code SCHEMA_INVALID}, each located at the offending keyword.
 *
 * <p>Keywords are sorted as {@link Vocabulary} says: modelled ones become the node's keyword groups (or its
 * {@code unevaluated*}), annotations and structure are read as such, and every other keyword is kept on the
 * node with its {@link Signatures signature}, so that nothing the engine does not understand can change
 * unnoticed.
 */
final class SchemaLoader {
  static final String RULE_INVALID = "SCHEMA_INVALID";

  private static final List<String> STRING_KEYWORDS = List.of("minLength", "maxLength", "pattern");
  private static final List<String> NUMBER_KEYWORDS =
      List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");
  private static final List<String> OBJECT_KEYWORDS = List.of("properties", "required", "additionalProperties",
      "patternProperties", "minProperties", "maxProperties", "dependencies", "dependentRequired", "dependentSchemas");
  /** {@code unevaluated*} do not imply a type: they are compared on the schema object as a whole. */
  private static final List<String> ARRAY_KEYWORDS = List.of("items", "prefixItems", "additionalItems", "minItems",
      "maxItems", "uniqueItems", "minContains", "maxContains");

  private final SourceDocument doc;
  private final JsonNode root;
  private final Draft draft;
  private final RefResolver refs;
  private final Map<String, Schema> nodes = new HashMap<>();
  private final Deque<Schema> pending = new ArrayDeque<>();
  private final Map<String, Finding> problems = new LinkedHashMap<>();
  private final Set<Set<String>> reportedLoops = new HashSet<>();
  private final Signatures signatures;

  private SchemaLoader(SourceDocument doc) {
    this.doc = doc;
    this.root = doc.root();
    this.refs = new RefResolver(root);
    this.draft = draftOf(root);
    this.signatures = new Signatures(root, refs);
  }

  /**
   * The root schema of {@code doc}.
   *
   * @throws ContractException listing every way the document is not a valid schema
   */
  static Schema load(SourceDocument doc) {
    SchemaLoader loader = new SchemaLoader(doc);
    Schema root = loader.schemaAt("");
    if (doc.root().isObject()) {
      loader.definitions("", doc.root());
    }
    while (!loader.pending.isEmpty()) {
      loader.build(loader.pending.poll());
    }
    if (!loader.problems.isEmpty()) {
      throw new ContractException(List.copyOf(loader.problems.values()));
    }
    return root;
  }

  private Draft draftOf(JsonNode root) {
    JsonNode declared = root.isObject() ? root.get("$schema") : null;
    if (declared == null) {
      return Draft.DRAFT_07;
    }
    Draft d = declared.isTextual() ? Draft.of(declared.textValue()) : null;
    if (d == null) {
      problem("/$schema", "unsupported $schema " + declared + "; the compatibility check reads draft-07, 2019-09"
          + " and 2020-12", "declare \"" + Draft.DRAFT_07.uri() + "#\", the draft the contracts are published in (or 2019-09 / 2020-12)");
      return Draft.DRAFT_07;
    }
    return d;
  }

  /**
   * The node for the schema at {@code pointer}. A schema that is only a {@code $ref} yields its target, so
   * that references are transparent to comparisons; the node is defined later, by {@link #build}.
   */
  private Schema schemaAt(String pointer) {
    Set<String> chain = new LinkedHashSet<>();
    String current = pointer;
    while (true) {
      JsonNode json = root.at(current);
      if (!json.isObject() && !json.isBoolean()) {
        problem(current, "a schema must be a JSON object or a boolean, not " + describe(json),
            "write a schema object here, e.g. {\"type\": \"string\"}");
        return Schema.anything(current);
      }
      if (!isOnlyRef(json)) {
        return nodes.computeIfAbsent(current, p -> {
          Schema s = new Schema(p);
          pending.add(s);
          return s;
        });
      }
      if (!chain.add(current)) {
        List<String> loop = new ArrayList<>(chain).subList(new ArrayList<>(chain).indexOf(current), chain.size());
        if (reportedLoops.add(new TreeSet<>(loop))) {
          problem(current + "/$ref", "circular $ref: " + loop.stream().map(x -> "#" + x).collect(Collectors.joining(" -> "))
              + " -> #" + current, "make one of the schemas in the loop a real schema instead of a reference");
        }
        return Schema.anything(current);
      }
      try {
        current = refs.target(json.get("$ref"));
      } catch (RefResolver.Unresolvable e) {
        problem(current + "/$ref", e.getMessage(), e.hint());
        return Schema.anything(current);
      }
    }
  }

  /**
   * Whether the schema object is a mere reference, to be replaced by its target: in draft-07 any object with a
   * {@code $ref} (its other keywords are ignored, as the draft says); from 2019-09 on, a {@code $ref} beside
   * nothing but annotations and structure. Beside a constraint or an unmodelled keyword, it is one more keyword
   * group of a node of its own.
   */
  private boolean isOnlyRef(JsonNode json) {
    if (!json.isObject() || !json.has("$ref")) {
      return false;
    }
    if (!draft.refHasSiblings()) {
      return true;
    }
    return names(json).stream().allMatch(Vocabulary::isIgnoredByScan);
  }

  /** Whether the draft has this keyword: tuples and dependencies are written differently per draft. */
  private boolean interpreted(String keyword) {
    return Vocabulary.isModelled(keyword, draft);
  }

  private void build(Schema s) {
    String p = s.pointer();
    JsonNode json = root.at(p);
    EnumMap<PartKind, Part> parts = new EnumMap<>(PartKind.class);
    if (json.isBoolean()) {
      s.define(json.booleanValue() ? Form.ANYTHING : Form.NOTHING, Meta.NONE, parts);
      return;
    }
    definitions(p, json);
    Meta meta = new Meta(json.get("$id"), json.get("title"), json.get("description"), json.get("default"));
    TypePart type = typePart(p, json);
    if (type != null) {
      parts.put(PartKind.TYPE, type);
    }
    if (json.has("enum")) {
      JsonNode values = json.get("enum");
      if (!values.isArray() || values.isEmpty()) {
        problem(p + "/enum", "\"enum\" must be a non-empty array, not " + describe(values), "list the allowed values");
      } else {
        parts.put(PartKind.VALUES, new ValuesPart(p + "/enum", "enum", elements(values)));
      }
    }
    if (json.has("const")) {
      parts.put(parts.containsKey(PartKind.VALUES) ? PartKind.CONST : PartKind.VALUES,
          new ValuesPart(p + "/const", "const", List.of(json.get("const"))));
    }
    if (json.has("not")) {
      parts.put(PartKind.NOT, new NotPart(p + "/not", schemaAt(p + "/not")));
    }
    combined(p, json, Criterion.ALL_OF, PartKind.ALL_OF, parts);
    combined(p, json, Criterion.ANY_OF, PartKind.ANY_OF, parts);
    combined(p, json, Criterion.ONE_OF, PartKind.ONE_OF, parts);
    if (json.has("$ref")) {
      // only reached from 2019-09 on, where a $ref beside constraints is one more of them
      try {
        String target = refs.target(json.get("$ref"));
        parts.put(PartKind.REF, new RefPart(p + "/$ref", schemaAt(target)));
      } catch (RefResolver.Unresolvable e) {
        problem(p + "/$ref", e.getMessage(), e.hint());
      }
    }
    List<Keyword> unmodelled = new ArrayList<>();
    for (String name : names(json)) {
      if (Vocabulary.isUnmodelled(name, draft)) {
        JsonNode value = json.get(name);
        unmodelled.add(new Keyword(name, Paths.child(p, name), value, signatures.of(name, value)));
      }
    }
    s.define(parts.isEmpty() ? Form.ANYTHING : Form.CONSTRAINED, meta, parts, unmodelled,
        applied(p, json, "unevaluatedProperties"), applied(p, json, "unevaluatedItems"));
  }

  /** A schema-valued keyword of the draft ({@code unevaluatedProperties}...), or null when absent. */
  private Applied applied(String p, JsonNode json, String keyword) {
    if (!json.has(keyword) || !interpreted(keyword)) {
      return null;
    }
    String at = p + "/" + keyword;
    return new Applied(schemaAt(at), at);
  }

  /** Queues every definition, so that it is checked even when nothing refers to it. */
  private void definitions(String p, JsonNode json) {
    for (String keyword : List.of("$defs", "definitions")) {
      JsonNode defs = json.get(keyword);
      if (defs == null) {
        continue;
      }
      if (!defs.isObject()) {
        problem(p + "/" + keyword, "\"" + keyword + "\" must be an object of named schemas", "write {\"Name\": {...}}");
        continue;
      }
      for (String name : names(defs)) {
        schemaAt(Paths.child(p + "/" + keyword, name));
      }
    }
  }

  private void combined(String p, JsonNode json, Criterion criterion, PartKind kind, Map<PartKind, Part> parts) {
    JsonNode array = json.get(criterion.keyword);
    if (array == null) {
      return;
    }
    String at = p + "/" + criterion.keyword;
    if (!array.isArray() || array.isEmpty()) {
      problem(at, "\"" + criterion.keyword + "\" must be a non-empty array of schemas", "list at least one schema");
      return;
    }
    List<Branch> branches = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      branches.add(new Branch(i, schemaAt(Paths.child(at, i)), JsonValues.canonical(array.get(i))));
    }
    parts.put(kind, new CombinedPart(at, criterion, branches));
  }

  // ---- type and type-specific keywords ------------------------------------------------------------------

  private TypePart typePart(String p, JsonNode json) {
    List<JsonType> types = new ArrayList<>();
    String pointer = p;
    JsonNode declared = json.get("type");
    if (declared != null) {
      pointer = p + "/type";
      List<JsonNode> names = declared.isArray() ? elements(declared) : List.of(declared);
      if (names.isEmpty()) {
        problem(pointer, "\"type\" must not be an empty array", "name at least one type");
      }
      for (JsonNode name : names) {
        JsonType t = name.isTextual() ? JsonType.of(name.textValue()) : null;
        if (t == null) {
          problem(pointer, "\"type\" must be a type name or an array of them, not " + name,
              "use string, number, integer, object, array, boolean or null");
        } else if (types.contains(t)) {
          problem(pointer, "\"type\" names " + t.keyword + " twice", "list each type once");
        } else {
          types.add(t);
        }
      }
    } else {
      inferType(json, STRING_KEYWORDS, JsonType.STRING, types);
      inferType(json, NUMBER_KEYWORDS, JsonType.NUMBER, types);
      inferType(json, OBJECT_KEYWORDS, JsonType.OBJECT, types);
      inferType(json, ARRAY_KEYWORDS, JsonType.ARRAY, types);
    }
    StringRules string = new StringRules(count(p, json, "minLength"), count(p, json, "maxLength"), regex(p, json));
    NumberRules number = new NumberRules(number(p, json, "minimum"), number(p, json, "maximum"),
        number(p, json, "exclusiveMinimum"), number(p, json, "exclusiveMaximum"), multipleOf(p, json));
    ObjectRules object = objectRules(p, json);
    ArrayRules array = arrayRules(p, json);
    return types.isEmpty() ? null : new TypePart(pointer, types, string, number, object, array);
  }

  /** Without {@code type}, keywords of one type make the schema constrain values of that type. */
  private void inferType(JsonNode json, List<String> keywords, JsonType type, List<JsonType> types) {
    if (keywords.stream().anyMatch(k -> json.has(k) && interpreted(k))) {
      types.add(type);
    }
  }

  private ObjectRules objectRules(String p, JsonNode json) {
    Map<String, Property> properties = new LinkedHashMap<>();
    JsonNode declared = json.get("properties");
    if (declared != null && !declared.isObject()) {
      problem(p + "/properties", "\"properties\" must be an object of named schemas", "write {\"name\": {...}}");
    } else if (declared != null) {
      for (String name : names(declared)) {
        String at = Paths.child(p + "/properties", name);
        properties.put(name, new Property(name, schemaAt(at), at));
      }
    }
    Map<String, String> required = new LinkedHashMap<>();
    JsonNode names = json.get("required");
    if (names != null) {
      List<String> list = strings(p + "/required", names, "required");
      for (int i = 0; i < list.size(); i++) {
        required.putIfAbsent(list.get(i), Paths.child(p + "/required", i));
      }
    }
    Schema additional = null;
    String additionalPointer = null;
    if (json.has("additionalProperties")) {
      additionalPointer = p + "/additionalProperties";
      additional = schemaAt(additionalPointer);
    }
    List<PatternProperty> patterns = new ArrayList<>();
    JsonNode patternProperties = json.get("patternProperties");
    if (patternProperties != null && !patternProperties.isObject()) {
      problem(p + "/patternProperties", "\"patternProperties\" must be an object of regular expressions to schemas",
          "write {\"^S_\": {...}}");
    } else if (patternProperties != null) {
      for (String regex : names(patternProperties)) {
        String at = Paths.child(p + "/patternProperties", regex);
        Pattern compiled = compile(at, regex);
        if (compiled != null) {
          patterns.add(new PatternProperty(regex, compiled, schemaAt(at), at));
        }
      }
    }
    Map<String, DependencyArray> dependencyArrays = new LinkedHashMap<>();
    Map<String, DependencySchema> dependencySchemas = new LinkedHashMap<>();
    if (draft.splitDependencies()) {
      forEachMember(p, json, "dependentRequired", (name, at, value) ->
          dependencyArrays.put(name, new DependencyArray(strings(at, value, "dependentRequired"), at)));
      forEachMember(p, json, "dependentSchemas", (name, at, value) ->
          dependencySchemas.put(name, new DependencySchema(schemaAt(at), at)));
    } else {
      forEachMember(p, json, "dependencies", (name, at, value) -> {
        if (value.isArray()) {
          dependencyArrays.put(name, new DependencyArray(strings(at, value, "dependencies"), at));
        } else {
          dependencySchemas.put(name, new DependencySchema(schemaAt(at), at));
        }
      });
    }
    Applied unevaluated = applied(p, json, "unevaluatedProperties");
    return new ObjectRules(p, properties, required, additional, additionalPointer,
        unevaluated == null ? null : unevaluated.schema(), patterns, count(p, json, "minProperties"),
        count(p, json, "maxProperties"), dependencyArrays, dependencySchemas);
  }

  private ArrayRules arrayRules(String p, JsonNode json) {
    Schema items = null;
    String itemsPointer = null;
    List<Item> prefix = null;
    Schema rest = null;
    String restPointer = null;
    JsonNode declaredItems = json.get("items");
    if (draft.tupleInItems()) {
      if (declaredItems != null && declaredItems.isArray()) {
        prefix = items(p + "/items", declaredItems);
      } else if (declaredItems != null) {
        itemsPointer = p + "/items";
        items = schemaAt(itemsPointer);
      }
      if (json.has("additionalItems")) {
        restPointer = p + "/additionalItems";
        rest = schemaAt(restPointer);
      }
    } else {
      JsonNode prefixItems = json.get("prefixItems");
      if (prefixItems != null && !prefixItems.isArray()) {
        problem(p + "/prefixItems", "\"prefixItems\" must be an array of schemas", "write [{...}, {...}]");
      } else if (prefixItems != null) {
        prefix = items(p + "/prefixItems", prefixItems);
      }
      if (declaredItems != null && declaredItems.isArray()) {
        problem(p + "/items", "in draft 2020-12 \"items\" must be a schema; a tuple is written with \"prefixItems\"",
            "rename this array to \"prefixItems\" and use \"items\" for the items after it");
      } else if (declaredItems != null && prefix != null) {
        restPointer = p + "/items";
        rest = schemaAt(restPointer);
      } else if (declaredItems != null) {
        itemsPointer = p + "/items";
        items = schemaAt(itemsPointer);
      }
    }
    String unique = null;
    JsonNode uniqueItems = json.get("uniqueItems");
    if (uniqueItems != null && !uniqueItems.isBoolean()) {
      problem(p + "/uniqueItems", "\"uniqueItems\" must be true or false, not " + uniqueItems, "write true or false");
    } else if (uniqueItems != null && uniqueItems.booleanValue()) {
      unique = p + "/uniqueItems";
    }
    Applied unevaluated = applied(p, json, "unevaluatedItems");
    boolean contains = draft.hasUnevaluatedAndContainsBounds();
    return new ArrayRules(p, items, itemsPointer, prefix, rest, restPointer,
        unevaluated == null ? null : unevaluated.schema(), count(p, json, "minItems"), count(p, json, "maxItems"),
        contains ? count(p, json, "minContains") : null, contains ? count(p, json, "maxContains") : null, unique);
  }

  // ---- keyword values ------------------------------------------------------------------------------------

  /** A non-negative integer keyword ({@code maxLength}, {@code minItems}...), or null when absent. */
  private Bound count(String p, JsonNode json, String keyword) {
    JsonNode v = json.get(keyword);
    if (v == null) {
      return null;
    }
    if (!v.isNumber() || v.decimalValue().signum() < 0 || v.decimalValue().stripTrailingZeros().scale() > 0) {
      problem(p + "/" + keyword, "\"" + keyword + "\" must be a non-negative integer, not " + v,
          "write a whole number such as 0 or 10");
      return null;
    }
    return new Bound(v.decimalValue(), p + "/" + keyword);
  }

  private Bound number(String p, JsonNode json, String keyword) {
    JsonNode v = json.get(keyword);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      problem(p + "/" + keyword, "\"" + keyword + "\" must be a number, not " + v,
          keyword.startsWith("exclusive") ? "write the limit itself (draft-04's boolean form is not supported)"
              : "write a number");
      return null;
    }
    return new Bound(v.decimalValue(), p + "/" + keyword);
  }

  private Bound multipleOf(String p, JsonNode json) {
    Bound b = number(p, json, "multipleOf");
    if (b != null && b.value().signum() <= 0) {
      problem(b.pointer(), "\"multipleOf\" must be greater than 0, not " + b.value().toPlainString(),
          "write a positive number");
      return null;
    }
    return b;
  }

  private Text regex(String p, JsonNode json) {
    JsonNode v = json.get("pattern");
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      problem(p + "/pattern", "\"pattern\" must be a regular expression string, not " + v, "write a string");
      return null;
    }
    return compile(p + "/pattern", v.textValue()) == null ? null : new Text(v.textValue(), p + "/pattern");
  }

  private Pattern compile(String at, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      problem(at, "invalid regular expression '" + regex + "': " + e.getDescription(), "correct the expression");
      return null;
    }
  }

  private List<String> strings(String at, JsonNode array, String keyword) {
    List<String> out = new ArrayList<>();
    if (!array.isArray()) {
      problem(at, "\"" + keyword + "\" must be an array of property names, not " + describe(array),
          "write [\"name\", ...]");
      return out;
    }
    for (JsonNode e : array) {
      if (e.isTextual()) {
        out.add(e.textValue());
      } else {
        problem(at, "\"" + keyword + "\" must list property names as strings, not " + e, "quote the name");
      }
    }
    return out;
  }

  private List<Item> items(String at, JsonNode array) {
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String pointer = Paths.child(at, i);
      out.add(new Item(schemaAt(pointer), pointer));
    }
    return out;
  }

  /** What to do with one member of an object-valued keyword. */
  private interface MemberHandler {
    void accept(String name, String pointer, JsonNode value);
  }

  private void forEachMember(String p, JsonNode json, String keyword, MemberHandler handler) {
    JsonNode object = json.get(keyword);
    if (object == null) {
      return;
    }
    if (!object.isObject()) {
      problem(p + "/" + keyword, "\"" + keyword + "\" must be an object keyed by property name", "write {\"name\": ...}");
      return;
    }
    for (String name : names(object)) {
      handler.accept(name, Paths.child(p + "/" + keyword, name), object.get(name));
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static String describe(JsonNode json) {
    if (json.isMissingNode()) {
      return "nothing";
    }
    if (json.isArray()) {
      return json.isEmpty() ? "an empty array" : "an array";
    }
    return json.isObject() ? "an object" : json.toString();
  }

  private void problem(String pointer, String message, String hint) {
    problems.putIfAbsent(pointer + '\0' + message,
        Finding.at(RULE_INVALID, doc, pointer, Paths.fieldPath(pointer), message, hint));
  }
}
