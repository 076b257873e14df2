package io.github.eventcontracts.tooling.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaAgreement;
import io.github.eventcontracts.model.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** The lint rules. Each is documented in docs/gate.md's Lint rules table, with the same id and sentence. */
public final class Rules {
  private Rules() {}

  /** Every rule, in the order findings are reported. */
  public static List<LintRule> all() {
    return List.of(
        rule("FIELD_NAME_SNAKE_CASE", "Field and property names are snake_case, as in the platform's payloads.",
            Rules::snakeCase),
        rule("DOC_MISSING", "Every Avro record, enum and field has a doc; every JSON Schema object and property "
            + "has a description.", Rules::docs),
        rule("ENVELOPE_MISMATCH", "The envelope (event_id, event_type, timestamp, data) is the same in every event.",
            Rules::envelope),
        rule("EVENT_TYPE_MISMATCH", "event_type is the JSON Schema const, and the Avro default, equal to the "
            + "event its topic carries.", Rules::eventType),
        rule("OPTIONAL_FIELD_SHAPE", "Optional means [\"null\", T] with default null in Avro, and left out of "
            + "required (not null-typed) in JSON Schema.", Rules::optionalShape),
        rule("ENUM_DEFAULT_MISSING", "Every Avro enum has a default symbol, so that symbols can be added later.",
            Rules::enumDefault),
        rule(SchemaAgreement.RULE, "The Avro schema and the JSON Schema of an event agree: fields, "
            + "required-ness, types and enum symbols; the JSON Schema is never looser than Avro (integers within the "
            + "Avro int, and within +/-(2^53-1) for an Avro long so that every JSON parser reads them alike; timestamps "
            + "no finer than the logical type, by pattern).", (m, out) -> out.addAll(SchemaAgreement.check(m))),
        rule(CrossFileRules.AVRO_NAME_DUPLICATE, "Every Avro record, enum and fixed has a full name (namespace "
            + "included) that no other event's schema defines, since avro-maven-plugin parses all files with one "
            + "parser.", CrossFileRules::avroNameDuplicates),
        rule(CrossFileRules.KEY_FIELD_MISSING, "The catalog's key of a topic names a field under data that is "
            + "required and a string in both schemas of its event.", CrossFileRules::keyFields),
        rule(CONTENT_MODEL_OPEN, "Every JSON Schema object with properties has additionalProperties: false "
            + "(closed content model), so that adding an optional property stays backward compatible.",
            Rules::closedContentModel),
        rule(REQUIRED_WITH_DEFAULT, "No JSON Schema property is both required and given a default, since "
            + "validators never apply defaults: data without it is rejected.", Rules::requiredWithDefault),
        rule(JSON_SCHEMA_DRAFT, "Every JSON Schema declares \"$schema\": \"" + PUBLISHED_DRAFT + "\", the draft "
            + "every registry (Apicurio 2.x included) and most validators in other languages can judge.",
            Rules::publishedDraft));
  }

  private static LintRule rule(String id, String description, BiConsumer<ContractModel, List<Finding>> check) {
    return new LintRule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public List<Finding> check(ContractModel model) {
        List<Finding> out = new ArrayList<>();
        check.accept(model, out);
        return out;
      }
    };
  }

  private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final SchemaTree.Visitor NONE = n -> { };

  private static void snakeCase(ContractModel model, List<Finding> out) {
    for (EventContract e : model.events()) {
      SourceDocument avro = e.avroSource();
      SchemaTree.avro(avro.root(), "", "", NONE, f -> {
        String name = f.node().path("name").asText("");
        if (!SNAKE.matcher(name).matches()) {
          out.add(Finding.at("FIELD_NAME_SNAKE_CASE", avro, f.pointer() + "/name", f.path(),
              "field name '" + name + "' is not snake_case", "rename it to '" + snake(name) + "' (in both schemas)"));
        }
      });
      SourceDocument json = e.jsonSource();
      SchemaTree.json(json.root(), "", "", NONE, p -> {
        String name = p.path().substring(p.path().lastIndexOf('.') + 1);
        if (!SNAKE.matcher(name).matches()) {
          out.add(Finding.at("FIELD_NAME_SNAKE_CASE", json, p.pointer(), p.path(),
              "property name '" + name + "' is not snake_case", "rename it to '" + snake(name) + "' (in both schemas)"));
        }
      });
    }
  }

  static String snake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toLowerCase();
  }

  private static void docs(ContractModel model, List<Finding> out) {
    for (EventContract e : model.events()) {
      SourceDocument avro = e.avroSource();
      SchemaTree.avro(avro.root(), "", "", t -> {
        if (blank(t.node(), "doc")) {
          out.add(Finding.at("DOC_MISSING", avro, t.pointer(), t.path(), "Avro " + t.node().path("type").asText()
              + " '" + t.node().path("name").asText() + "' has no doc", "add \"doc\": \"...\" saying what it is"));
        }
      }, f -> {
        if (blank(f.node(), "doc")) {
          out.add(Finding.at("DOC_MISSING", avro, f.pointer(), f.path(), "field has no doc",
              "add \"doc\": \"...\" saying what the field holds"));
        }
      });
      SourceDocument json = e.jsonSource();
      if (blank(json.root(), "description")) {
        out.add(Finding.at("DOC_MISSING", json, "", "", "the schema has no description",
            "add \"description\": \"...\" saying when the event is published"));
      }
      SchemaTree.json(json.root(), "", "", NONE, p -> {
        if (blank(p.node(), "description") && !p.node().has("$ref")) {
          out.add(Finding.at("DOC_MISSING", json, p.pointer(), p.path(), "property has no description",
              "add \"description\": \"...\" saying what the property holds"));
        }
      });
    }
  }

  private static boolean blank(JsonNode node, String key) {
    return !node.path(key).isTextual() || node.path(key).asText().isBlank();
  }

  private static void envelope(ContractModel model, List<Finding> out) {
    List<EventContract> events = model.events();
    for (EventContract e : events) {
      for (String name : List.of("event_id", "event_type", "timestamp", "data")) {
        if (avroField(e, name) == null) {
          out.add(Finding.at("ENVELOPE_MISMATCH", e.avroSource(), "/fields", name,
              "the envelope field '" + name + "' is missing", "add it as the other events have it"));
        }
        if (!e.jsonSource().root().path("properties").has(name)) {
          out.add(Finding.at("ENVELOPE_MISMATCH", e.jsonSource(), "/properties", name,
              "the envelope property '" + name + "' is missing", "add it as the other events have it"));
        }
        if (!e.jsonSource().root().path("required").toString().contains("\"" + name + "\"")) {
          out.add(Finding.at("ENVELOPE_MISMATCH", e.jsonSource(), "/required", name,
              "the envelope property '" + name + "' is not required", "add it to \"required\""));
        }
      }
    }
    // the envelope every event should have is what most events have: the odd one out is the one reported
    for (String name : List.of("event_id", "timestamp", "event_type")) {
      oddOnesOut(events, e -> avroField(e, name), (e, majority) -> Finding.at("ENVELOPE_MISMATCH", e.avroSource(),
          "/fields/" + avroIndex(e, name), name, "envelope field '" + name + "' differs from the other events' ("
              + majority.avroSource().file() + ")", "copy the field exactly from " + majority.avroSource().file()), out);
      oddOnesOut(events, e -> e.jsonSource().root().path("properties").get(name), (e, majority) -> Finding.at(
          "ENVELOPE_MISMATCH", e.jsonSource(), "/properties/" + name, name, "envelope property '" + name
              + "' differs from the other events' (" + majority.jsonSource().file() + ")",
          "copy the property exactly from " + majority.jsonSource().file()), out);
    }
    oddOnesOut(events, e -> e.jsonSource().root().path("additionalProperties"), (e, majority) -> Finding.at(
        "ENVELOPE_MISMATCH", e.jsonSource(), "/additionalProperties", "", "the envelope's content model differs "
            + "from the other events' (" + majority.jsonSource().file() + ")",
        "use the same additionalProperties as every other event"), out);
  }

  /**
   * Reports each event whose node differs from the form most events share (ties: the earliest form).
   * Events without the node are skipped; they are reported as missing elsewhere.
   */
  private static void oddOnesOut(List<EventContract> events, java.util.function.Function<EventContract, JsonNode> node,
      java.util.function.BiFunction<EventContract, EventContract, Finding> finding, List<Finding> out) {
    Map<String, List<EventContract>> byForm = new java.util.LinkedHashMap<>();
    for (EventContract e : events) {
      JsonNode n = node.apply(e);
      if (n != null && !n.isMissingNode()) {
        byForm.computeIfAbsent(envelopeForm(n), k -> new ArrayList<>()).add(e);
      }
    }
    if (byForm.size() < 2) {
      return;
    }
    List<EventContract> majority = byForm.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
    byForm.values().stream().filter(l -> l != majority).flatMap(List::stream)
        .forEach(e -> out.add(finding.apply(e, majority.get(0))));
  }

  /** What must be equal across events: everything, except what names the event itself (event_type's const, default, doc). */
  private static String envelopeForm(JsonNode n) {
    if (n.isObject() && (n.path("name").asText().equals("event_type") || n.has("const"))) {
      return n.path("type").toString();
    }
    return n.toString();
  }

  private static JsonNode avroField(EventContract e, String name) {
    int i = avroIndex(e, name);
    return i < 0 ? null : e.avroSource().root().path("fields").get(i);
  }

  private static int avroIndex(EventContract e, String name) {
    JsonNode fields = e.avroSource().root().path("fields");
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).path("name").asText().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static void eventType(ContractModel model, List<Finding> out) {
    for (EventContract e : model.events()) {
      String want = e.topic().eventType();
      JsonNode c = e.jsonSource().root().path("properties").path("event_type");
      if (!c.isMissingNode() && !want.equals(c.path("const").asText(null))) {
        out.add(Finding.at("EVENT_TYPE_MISMATCH", e.jsonSource(), "/properties/event_type", "event_type",
            "event_type must be the const '" + want + "' (topic " + e.topic().name() + "), but is "
                + (c.has("const") ? "'" + c.get("const").asText() + "'" : "not a const"),
            "write \"const\": \"" + want + "\""));
      }
      int i = avroIndex(e, "event_type");
      if (i >= 0) {
        JsonNode f = e.avroSource().root().path("fields").get(i);
        if (!want.equals(f.path("default").asText(null))) {
          out.add(Finding.at("EVENT_TYPE_MISMATCH", e.avroSource(), "/fields/" + i, "event_type",
              "event_type's default must be '" + want + "' (topic " + e.topic().name() + "), but is "
                  + (f.has("default") ? "'" + f.get("default").asText() + "'" : "absent"),
              "write \"default\": \"" + want + "\""));
        }
      }
    }
  }

  private static void optionalShape(ContractModel model, List<Finding> out) {
    for (EventContract e : model.events()) {
      SourceDocument avro = e.avroSource();
      SchemaTree.avro(avro.root(), "", "", NONE, f -> {
        JsonNode type = f.node().path("type");
        if (!type.isArray() || !type.toString().contains("\"null\"")) {
          return;
        }
        boolean nullFirst = type.get(0).asText("").equals("null");
        boolean defaultNull = f.node().has("default") && f.node().get("default").isNull();
        if (!nullFirst || !defaultNull) {
          out.add(Finding.at("OPTIONAL_FIELD_SHAPE", avro, f.pointer(), f.path(),
              "nullable field is not optional-shaped: " + (!nullFirst ? "null is not the first branch" : "")
                  + (!nullFirst && !defaultNull ? " and " : "") + (!defaultNull ? "it has no default null" : ""),
              "write \"type\": [\"null\", ...], \"default\": null"));
        }
      });
      SourceDocument json = e.jsonSource();
      SchemaTree.json(json.root(), "", "", NONE, p -> {
        JsonNode type = p.node().path("type");
        if (type.isArray() && type.toString().contains("\"null\"") || type.asText("").equals("null")) {
          out.add(Finding.at("OPTIONAL_FIELD_SHAPE", json, p.pointer() + "/type", p.path(),
              "property allows null; optional properties are left out, never sent as null",
              "remove \"null\" from the type and leave the property out of \"required\""));
        }
      });
    }
  }

  private static void enumDefault(ContractModel model, List<Finding> out) {
    for (EventContract e : model.events()) {
      SourceDocument avro = e.avroSource();
      SchemaTree.avro(avro.root(), "", "", t -> {
        if (t.node().path("type").asText().equals("enum") && !t.node().has("default")) {
          out.add(Finding.at("ENUM_DEFAULT_MISSING", avro, t.pointer(), t.path(),
              "enum '" + t.node().path("name").asText() + "' has no default symbol: readers on this version will "
                  + "fail on any symbol added later", "add \"default\": \"<a fallback symbol>\" (e.g. unknown)"));
        }
      }, NONE);
    }
  }

  static final String CONTENT_MODEL_OPEN = "CONTENT_MODEL_OPEN";
  static final String REQUIRED_WITH_DEFAULT = "REQUIRED_WITH_DEFAULT";
  static final String JSON_SCHEMA_DRAFT = "JSON_SCHEMA_DRAFT";
  /** The JSON Schema draft the contracts are published in (docs/registry-and-topics.md says why). */
  public static final String PUBLISHED_DRAFT = "http://json-schema.org/draft-07/schema#";
  private static final List<String> ENVELOPE = List.of("event_id", "event_type", "timestamp", "data");

  private static void closedContentModel(ContractModel model, List<Finding> out) {
    for (EventContract e : model.events()) {
      SourceDocument json = e.jsonSource();
      SchemaTree.json(json.root(), "", "", o -> {
        JsonNode ap = o.node().get("additionalProperties");
        if (ap != null && ap.isBoolean() && !ap.booleanValue()) {
          return;
        }
        String where = o.path().isEmpty() ? "the event's object" : "object " + o.path();
        out.add(Finding.at(CONTENT_MODEL_OPEN, json, ap == null ? o.pointer() : o.pointer() + "/additionalProperties",
            o.path(), where + " is open (" + (ap == null ? "no additionalProperties" : "additionalProperties: " + ap)
                + "): it accepts properties it does not declare",
            "add \"additionalProperties\": false: with a closed model, adding an optional property later is "
                + "backward compatible (old data cannot hold it); with an open one it is not (old data may already "
                + "carry that name with any value)"));
      }, NONE);
    }
  }

  private static void publishedDraft(ContractModel model, List<Finding> out) {
    for (EventContract e : model.events()) {
      SourceDocument json = e.jsonSource();
      JsonNode declared = json.root().get("$schema");
      if (declared != null && declared.isTextual() && PUBLISHED_DRAFT.equals(declared.textValue())) {
        continue;
      }
      out.add(Finding.at(JSON_SCHEMA_DRAFT, json, declared == null ? "" : "/$schema", "",
          (declared == null ? "no $schema: each registry and validator would guess its own draft"
              : "$schema " + declared + " is not the published draft")
              + "; the local registry (Apicurio 2.4.2) cannot judge the compatibility of a draft 2019-09 or 2020-12 "
              + "schema (HTTP 500 'could not determine version' on its second version), and the gate reads no draft "
              + "before 07",
          "declare \"$schema\": \"" + PUBLISHED_DRAFT + "\"; the contracts use no keyword newer than draft-07"));
    }
  }

  private static void requiredWithDefault(ContractModel model, List<Finding> out) {
    for (EventContract e : model.events()) {
      SourceDocument json = e.jsonSource();
      SchemaTree.json(json.root(), "", "", o -> {
        for (JsonNode r : o.node().path("required")) {
          String name = r.asText();
          JsonNode p = o.node().path("properties").get(name);
          if (p != null && p.has("default")) {
            out.add(Finding.at(REQUIRED_WITH_DEFAULT, json, o.pointer() + "/properties/" + SchemaTree.escape(name)
                    + "/default", SchemaTree.child(o.path(), name), "property '" + name + "' is required and has "
                    + "a default (" + p.get("default") + "): validators, the codecs and the serdes never fill in "
                    + "defaults, so data without it is rejected, although the registry's checker calls adding it "
                    + "compatible",
                o.path().isEmpty() && ENVELOPE.contains(name) ? "remove the default: the envelope is always sent"
                    : "make it optional instead: leave '" + name + "' out of \"required\" (in Avro: [\"null\", T] "
                        + "with default null), or keep it required and remove the default"));
          }
        }
      }, NONE);
    }
  }

  static Map<String, String> descriptions() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    all().forEach(r -> out.put(r.id(), r.description()));
    return out;
  }
}
