package io.github.eventcontracts.tooling.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.Side;
import io.github.eventcontracts.tooling.compat.json.Difference.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns an incompatible {@link Difference} into a {@link Finding} a reviewer can act on: located in the
 * new schema's document (or, for something that only the old schema has, in the old one), with the rule
 * id {@code JSON_<TYPE>}, what changed from what to what, why the reader rejects the writer's data, who
 * that breaks, and the fix.
 *
 * <p>A difference is stated in the terms of the comparison (original = writer, update = reader); which
 * of the two is the new schema depends on the direction checked, so every text is written from the
 * writer's and reader's roles and worded as old and new here. In a FORWARD check, for instance, Confluent's
 * {@code MAX_LENGTH_DECREASED} (the reader allows less than the writer) means the new schema raised
 * {@code maxLength}: the message says so.
 */
final class Explanations {
  private Explanations() {}

  /** The bounded keywords, with what the reader rejects when its bound is the tighter one. */
  private enum Limit {
    MAX_LENGTH("maxLength", true, "strings longer than %s characters"),
    MIN_LENGTH("minLength", false, "strings shorter than %s characters"),
    MAXIMUM("maximum", true, "values greater than %s"),
    MINIMUM("minimum", false, "values less than %s"),
    EXCLUSIVE_MAXIMUM("exclusiveMaximum", true, "values of %s or more"),
    EXCLUSIVE_MINIMUM("exclusiveMinimum", false, "values of %s or less"),
    MAX_PROPERTIES("maxProperties", true, "objects with more than %s properties"),
    MIN_PROPERTIES("minProperties", false, "objects with fewer than %s properties"),
    MAX_ITEMS("maxItems", true, "arrays with more than %s items"),
    MIN_ITEMS("minItems", false, "arrays with fewer than %s items"),
    MAX_CONTAINS("maxContains", true, "arrays with more than %s items matching contains"),
    MIN_CONTAINS("minContains", false, "arrays with fewer than %s items matching contains"),
    MULTIPLE_OF("multipleOf", false, "numbers that are not multiples of %s");

    final String keyword;
    final boolean upper;
    final String rejected;

    Limit(String keyword, boolean upper, String rejected) {
      this.keyword = keyword;
      this.upper = upper;
      this.rejected = rejected;
    }

    static Limit of(Type type) {
      for (Limit l : values()) {
        for (String change : List.of("ADDED", "REMOVED", "INCREASED", "DECREASED", "EXPANDED", "REDUCED", "CHANGED")) {
          if (type.name().equals(l.name() + "_" + change)) {
            return l;
          }
        }
      }
      return null;
    }
  }

  /** The difference seen from the direction checked. */
  private record Roles(Difference d, boolean newIsReader) {
    String writer() {
      return newIsReader ? "the old schema" : "the new schema";
    }

    String reader() {
      return newIsReader ? "the new schema" : "the old schema";
    }

    JsonNode oldValue() {
      return newIsReader ? d.originalValue() : d.updateValue();
    }

    JsonNode newValue() {
      return newIsReader ? d.updateValue() : d.originalValue();
    }

    /** The changed property's name, quoted. */
    String name() {
      return "'" + Paths.leaf(d.path()) + "'";
    }

    /** {@code when} in a BACKWARD check (the new schema reads), {@code otherwise} in a FORWARD one. */
    String pick(String when, String otherwise) {
      return newIsReader ? when : otherwise;
    }

    String breaks() {
      return newIsReader ? "consumers using the new schema cannot read data written with the old one"
          : "consumers still on the old schema cannot read data written with the new one";
    }

    /** For a change the engine cannot judge: it may break, or not. */
    String mayBreak() {
      return newIsReader ? "consumers using the new schema may be unable to read data written with the old one"
          : "consumers still on the old schema may be unable to read data written with the new one";
    }
  }

  /** What changed, why the reader rejects (or may reject) the writer's data, and the fix. */
  private record Text(String what, String why, String hint) {}

  static Finding finding(Difference d, SourceDocument writer, SourceDocument reader, Side newSide) {
    Roles r = new Roles(d, newSide == Side.READER);
    SourceDocument newDoc = r.newIsReader() ? reader : writer;
    SourceDocument oldDoc = r.newIsReader() ? writer : reader;
    String newPointer = r.newIsReader() ? d.updatePointer() : d.originalPointer();
    String oldPointer = r.newIsReader() ? d.originalPointer() : d.updatePointer();
    Text t = explain(r);
    String message = t.what() + ": " + t.why() + "; "
        + (d.type() == Type.UNSUPPORTED_KEYWORD_CHANGED ? r.mayBreak() : r.breaks());
    return newPointer != null
        ? Finding.at(ruleId(d.type()), newDoc, newPointer, d.path(), message, t.hint())
        : Finding.at(ruleId(d.type()), oldDoc, oldPointer == null ? "" : oldPointer, d.path(), message, t.hint());
  }

  /** {@code JSON_} and the Confluent name, e.g. {@code JSON_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL}. */
  static String ruleId(Type type) {
    return "JSON_" + type.name();
  }

  private static Text explain(Roles r) {
    Limit limit = Limit.of(r.d().type());
    if (limit != null) {
      return limit(r, limit);
    }
    String name = r.name();
    String w = r.writer();
    String rd = r.reader();
    return switch (r.d().type()) {
      case PATTERN_ADDED, PATTERN_CHANGED -> new Text(
          change("pattern", quoted(r.oldValue()), quoted(r.newValue())),
          rd + " rejects strings that do not match "
              + (text(r.d().updateValue()).length() > 80 ? "it" : quoted(r.d().updateValue())) + ", which " + w + " accepts",
          r.oldValue() == null ? "remove the pattern from the new schema"
              : "restore the pattern " + quoted(r.oldValue()) + " in the new schema");
      case UNIQUE_ITEMS_ADDED -> new Text(
          r.pick("uniqueItems: true was added", "uniqueItems: true was removed"),
          rd + " rejects arrays with duplicate items, which " + w + " accepts",
          r.pick("remove uniqueItems from the new schema", "keep uniqueItems: true in the new schema"));
      case TYPE_CHANGED -> new Text(
          "the type changed from " + text(r.oldValue()) + " to " + text(r.newValue()),
          rd + " rejects values " + w + " allows",
          keepType(text(r.oldValue())));
      case TYPE_NARROWED -> new Text(
          r.pick("the type narrowed from number to integer", "the type widened from integer to number"),
          rd + " rejects numbers with a fractional part, which " + w + " accepts",
          r.pick("keep the type number", "keep the type integer in the new schema"));
      case SUM_TYPE_NARROWED -> new Text(
          "the alternatives changed from " + text(r.oldValue()) + " to " + text(r.newValue()),
          rd + " does not accept every alternative " + w + " allows",
          r.pick("keep every alternative of the old schema (" + text(r.oldValue()) + ")",
              "allow only alternatives the old schema accepts (" + text(r.oldValue()) + ")"));
      case SCHEMA_ADDED -> new Text(
          r.pick("a schema (" + text(r.newValue()) + ") was added for the items",
              "the schema for the items (" + text(r.oldValue()) + ") was removed"),
          rd + " constrains the items, which " + w + " leaves free",
          r.pick("remove the items schema from the new schema", "keep the items schema in the new schema"));
      case ENUM_ARRAY_NARROWED, ENUM_ARRAY_CHANGED -> {
        String lost = values(JsonValues.missingFrom(elements(r.d().originalValue()), elements(r.d().updateValue())));
        yield new Text(
            "the allowed values changed from " + text(r.oldValue()) + " to " + text(r.newValue()),
            rd + " rejects " + lost + ", which " + w + " allows",
            r.pick("keep " + lost + " among the allowed values",
                "do not write " + lost + " until every consumer accepts it: release the value to consumers first"));
      }
      case REQUIRED_ATTRIBUTE_ADDED, REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED -> new Text(
          r.pick("property " + name + " became required", "property " + name + " is no longer required"),
          "data written with " + w + " may omit it, and " + rd + " requires it",
          r.pick("keep " + name + " optional (leave it out of required); a default does not help: validators "
                  + "never apply defaults, so data without it is still rejected",
              "keep " + name + " required until every consumer has the new schema"));
      case REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL, REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL,
          REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL -> new Text(
          r.pick("required property " + name + " was added", "required property " + name + " was removed"),
          "data written with " + w + " lacks it, and " + rd + " requires it",
          r.pick("make the new property optional (leave it out of required); a default does not help: "
                  + "validators never apply defaults, so data without it is still rejected",
              "keep " + name + " in the new schema (deprecate it instead of removing it)"));
      case OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL ->
          new Text(
              r.pick("property " + name + " was added to an open object (additionalProperties absent or true)",
                  "property " + name + " was removed, and the new schema leaves the object open"),
              w + " is open, so its data may carry " + name + " with any value, and " + rd + " constrains it",
              r.pick("an open object can only gain untyped properties: declare " + name + " as {} (or check the"
                      + " subject with the lenient policy), and give new objects additionalProperties: false from their"
                      + " first version, so that optional properties can be added later",
                  "keep " + name + " in the new schema (deprecate it instead of removing it)"));
      case PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, OPTIONAL_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL -> new Text(
          r.pick("property " + name + " was removed from a closed object (additionalProperties: false)",
              "property " + name + " was added, but the old schema's object is closed (additionalProperties: false)"),
          rd + " rejects data that carries " + name + ", which " + w + " allows",
          r.pick("keep " + name + " in the new schema (deprecate it instead of removing it)",
              "old consumers reject unknown properties: release a consumer schema that declares " + name
                  + " before producers write it"));
      case PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> new Text(
          r.pick("property " + name + " was added with a schema narrower than what additionalProperties/"
                  + "patternProperties allowed for it",
              "property " + name + " was removed, and what additionalProperties/patternProperties now allow for"
                  + " it is wider than its old schema"),
          "data written with " + w + " may carry " + name + " with values " + rd + " rejects",
          r.pick("declare " + name + " with a schema that accepts everything additionalProperties/"
              + "patternProperties accepted", "keep " + name + " declared in the new schema"));
      case PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> new Text(
          r.pick("property " + name + " was removed, and the new schema's additionalProperties/patternProperties"
                  + " do not accept its old values",
              "property " + name + " was added with values the old schema's additionalProperties/"
                  + "patternProperties do not accept"),
          "data written with " + w + " may carry " + name + " with values " + rd + " rejects",
          r.pick("keep " + name + " declared in the new schema",
              "declare " + name + " with a schema the old additionalProperties/patternProperties accept"));
      case ADDITIONAL_PROPERTIES_REMOVED -> new Text(
          r.pick("additionalProperties became false (the object was closed)",
              "additionalProperties is no longer false (the object was opened)"),
          rd + " rejects undeclared properties, which " + w + " allows",
          r.pick("leave additionalProperties as it was in the old schema",
              "keep additionalProperties: false in the new schema"));
      case ADDITIONAL_PROPERTIES_NARROWED -> new Text(
          r.pick("additionalProperties now constrains undeclared properties with a schema",
              "additionalProperties no longer constrains undeclared properties"),
          rd + " constrains undeclared properties, which " + w + " leaves free",
          r.pick("leave additionalProperties open as in the old schema",
              "keep the additionalProperties schema in the new schema"));
      case UNEVALUATED_PROPERTIES_REMOVED -> new Text(
          r.pick("unevaluatedProperties became false (the object was closed)",
              "unevaluatedProperties is no longer false (the object was opened)"),
          rd + " rejects properties no other keyword evaluates, which " + w + " allows",
          r.pick("leave unevaluatedProperties as it was in the old schema",
              "keep unevaluatedProperties: false in the new schema"));
      case UNEVALUATED_PROPERTIES_NARROWED -> new Text(
          r.pick("unevaluatedProperties now constrains unevaluated properties with a schema",
              "unevaluatedProperties no longer constrains unevaluated properties"),
          rd + " constrains properties no other keyword evaluates, which " + w + " leaves free",
          r.pick("leave unevaluatedProperties open as in the old schema",
              "keep the unevaluatedProperties schema in the new schema"));
      case UNEVALUATED_ITEMS_REMOVED -> new Text(
          r.pick("unevaluatedItems became false", "unevaluatedItems is no longer false"),
          rd + " rejects array items no other keyword evaluates, which " + w + " allows",
          r.pick("leave unevaluatedItems as it was in the old schema",
              "keep unevaluatedItems: false in the new schema"));
      case UNEVALUATED_ITEMS_NARROWED -> new Text(
          r.pick("unevaluatedItems now constrains unevaluated items with a schema",
              "unevaluatedItems no longer constrains unevaluated items"),
          rd + " constrains array items no other keyword evaluates, which " + w + " leaves free",
          r.pick("leave unevaluatedItems open as in the old schema",
              "keep the unevaluatedItems schema in the new schema"));
      case UNSUPPORTED_KEYWORD_CHANGED -> unsupported(r);
      case ADDITIONAL_ITEMS_REMOVED -> new Text(
          r.pick("items after the tuple are no longer allowed", "items after the tuple are now allowed"),
          rd + " rejects arrays longer than its tuple, which " + w + " allows",
          r.pick("allow items after the tuple as the old schema did",
              "keep disallowing items after the tuple in the new schema"));
      case ADDITIONAL_ITEMS_NARROWED -> new Text(
          r.pick("items after the tuple are now constrained by a schema", "items after the tuple are no longer constrained"),
          rd + " constrains the items after the tuple, which " + w + " leaves free",
          r.pick("leave the items after the tuple unconstrained as in the old schema",
              "keep the schema for the items after the tuple in the new schema"));
      case ITEM_ADDED_TO_OPEN_CONTENT_MODEL -> new Text(
          r.pick("tuple position " + position(r) + " was added, where the old schema allowed any item",
              "tuple position " + position(r) + " was removed, and the new schema allows any item there"),
          "data written with " + w + " may hold any value at that position, and " + rd + " constrains it",
          r.pick("give the new position an empty schema ({}); only a tuple closed from its first version (no items"
              + " after it) can gain typed positions", "keep position " + position(r) + " in the new schema"));
      case ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL -> new Text(
          r.pick("tuple position " + position(r) + " was removed, and the new schema allows no items after its tuple",
              "tuple position " + position(r) + " was added, but the old schema allows no items after its tuple"),
          rd + " rejects arrays as long as the ones " + w + " allows",
          r.pick("keep position " + position(r) + " in the new schema",
              "do not lengthen the tuple until every consumer accepts the longer arrays"));
      case ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> new Text(
          r.pick("tuple position " + position(r) + " was added with a schema narrower than the old schema's"
                  + " items after the tuple",
              "tuple position " + position(r) + " was removed, and the new schema's items after the tuple"
                  + " allow more than its old schema"),
          "data written with " + w + " may hold values at that position that " + rd + " rejects",
          r.pick("give position " + position(r) + " a schema that accepts everything the old items after the"
              + " tuple accepted", "keep position " + position(r) + " in the new schema"));
      case ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL -> new Text(
          r.pick("tuple position " + position(r) + " was removed, and the new schema's items after the tuple"
                  + " do not accept its old values",
              "tuple position " + position(r) + " was added with values the old schema's items after the tuple"
                  + " do not accept"),
          "data written with " + w + " may hold values at that position that " + rd + " rejects",
          r.pick("keep position " + position(r) + " in the new schema",
              "give position " + position(r) + " a schema the old items after the tuple accept"));
      case DEPENDENCY_ARRAY_ADDED, DEPENDENCY_ARRAY_EXTENDED, DEPENDENCY_ARRAY_CHANGED -> new Text(
          "the properties required when " + name + " is present changed from " + text(r.oldValue()) + " to "
              + text(r.newValue()),
          rd + " requires properties alongside " + name + " that data written with " + w + " may lack",
          r.pick("require no more properties alongside " + name + " than the old schema did",
              "keep requiring " + text(r.oldValue()) + " alongside " + name));
      case DEPENDENCY_SCHEMA_ADDED -> new Text(
          r.pick("a dependent schema for " + name + " was added", "the dependent schema for " + name + " was removed"),
          rd + " applies constraints when " + name + " is present that " + w + " does not",
          r.pick("remove the dependent schema for " + name + " from the new schema",
              "keep the dependent schema for " + name + " in the new schema"));
      case COMBINED_TYPE_CHANGED -> new Text(
          text(r.oldValue()) + " was changed to " + text(r.newValue()),
          rd + "'s " + text(r.d().updateValue()) + " rejects values that " + w + "'s "
              + text(r.d().originalValue()) + " accepts",
          r.newIsReader() && !text(r.oldValue()).equals("anyOf")
              ? "keep " + text(r.oldValue()) + ", or use anyOf, which accepts everything oneOf and allOf accept"
              : "keep " + text(r.oldValue()) + " in the new schema");
      case PRODUCT_TYPE_EXTENDED -> new Text(
          r.oldValue() == null ? "the constraint " + text(r.newValue()) + " was added"
              : r.newValue() == null ? "the constraint " + text(r.oldValue()) + " was removed"
              : "the constraints changed from " + text(r.oldValue()) + " to " + text(r.newValue()),
          rd + " rejects values that " + w + " allows",
          r.pick("remove the added constraint from the new schema", "keep the constraint in the new schema"));
      case COMBINED_TYPE_SUBSCHEMAS_CHANGED -> new Text(
          "branch " + text(r.d().originalValue()) + " of " + w + " has no compatible branch in " + rd
              + " (the closest, " + text(r.d().updateValue()) + causes(r) + ")",
          rd + " rejects values that this branch of " + w + " allows",
          "change branches only in compatible ways, or add a new branch instead of changing an existing one");
      case NOT_TYPE_EXTENDED -> new Text(
          "the not schema changed from " + text(r.oldValue()) + " to " + text(r.newValue()),
          rd + " excludes values that " + w + " allows",
          r.pick("exclude no more than the old not schema did", "keep excluding what the old not schema excluded"));
      default -> throw new IllegalStateException(r.d().type() + " is compatible under every policy");
    };
  }

  /**
   * A keyword the engine does not model changed, or something changed beside {@code unevaluatedProperties}/
   * {@code unevaluatedItems} that depend on other keywords (then the difference carries those changes).
   */
  private static Text unsupported(Roles r) {
    String keyword = keyword(r.d());
    String hint = "make this change in a separate step reviewed by hand (the gate cannot judge it)";
    if (!r.d().causes().isEmpty()) {
      String changes = r.d().causes().stream().limit(3)
          .map(c -> ruleId(c.type()) + " at " + (c.path().isEmpty() ? "the root" : c.path()))
          .collect(Collectors.joining(", "))
          + (r.d().causes().size() > 3 ? " and " + (r.d().causes().size() - 3) + " more" : "");
      return new Text(
          "'" + keyword + "' stands beside keywords that evaluate on their own, and the schema changed beside it ("
              + changes + ")",
          "'" + keyword + "' rejects what allOf, anyOf, oneOf, $ref, dependent schemas or unmodelled keywords beside"
              + " it leave unevaluated, which the compatibility check does not work out, so it cannot judge whether "
              + r.reader() + " accepts everything " + r.writer() + " allows",
          hint + ", or leave the schema beside '" + keyword + "' unchanged");
    }
    JsonNode before = r.oldValue();
    JsonNode after = r.newValue();
    String what = before == null ? "keyword '" + keyword + "' was added"
        : after == null ? "keyword '" + keyword + "' was removed"
        : JsonValues.same(before, after) ? "a schema that keyword '" + keyword + "' refers to changed"
        : "keyword '" + keyword + "' changed from " + abbreviated(before) + " to " + abbreviated(after);
    return new Text(what,
        "the compatibility check does not model '" + keyword + "' and cannot judge whether " + r.reader()
            + " accepts everything " + r.writer() + " allows",
        hint + ", or do not change '" + keyword + "'");
  }

  /** The keyword a difference is located at: the last segment of its pointer. */
  private static String keyword(Difference d) {
    String pointer = d.updatePointer() != null ? d.updatePointer() : d.originalPointer();
    if (pointer == null) {
      return Paths.leaf(d.path());
    }
    return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }

  private static String abbreviated(JsonNode v) {
    String t = v.toString();
    return t.length() <= 60 ? t : t.substring(0, 57) + "...";
  }

  /** How to undo a type change, whatever the old "type" was: a type, anything, or nothing. */
  private static String keepType(String old) {
    if (old.equals(SchemaDiff.ANYTHING)) {
      return "leave it unconstrained as in the old schema; to constrain it, add a new field instead";
    }
    if (old.equals(SchemaDiff.NOTHING)) {
      return "keep it false (absent) until every consumer accepts a value there";
    }
    return "keep the type " + old + "; to carry another type, add a new field and deprecate this one";
  }

  private static Text limit(Roles r, Limit l) {
    JsonNode old = r.oldValue();
    String rejected = String.format(l.rejected, text(r.d().updateValue()));
    String hint;
    if (l == Limit.MULTIPLE_OF) {
      hint = old == null ? "remove multipleOf from the new schema"
          : "set multipleOf back to " + text(old) + r.pick(" (or a divisor of it)", " (or a multiple of it)");
    } else if (old == null) {
      hint = "remove " + l.keyword + " from the new schema";
    } else {
      boolean widen = r.newIsReader();
      String direction = l.upper == widen ? "higher" : "lower";
      hint = (widen ? "widen " : "narrow ") + l.keyword + " back to " + text(old) + " or " + direction
          + r.pick("", " in the new schema");
    }
    return new Text(change(l.keyword, text(old), text(r.newValue())),
        r.reader() + " rejects " + rejected + ", which " + r.writer() + " accepts", hint);
  }

  private static String change(String keyword, String from, String to) {
    if (from.equals("none")) {
      return keyword + " " + to + " was added";
    }
    if (to.equals("none")) {
      return keyword + " " + from + " was removed";
    }
    return keyword + " changed from " + from + " to " + to;
  }

  /** Tuple position of an item difference: the index in {@code pair[2]}. */
  private static String position(Roles r) {
    String path = r.d().path();
    return path.substring(path.lastIndexOf('['));
  }

  private static String causes(Roles r) {
    if (r.d().causes().isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Difference cause : r.d().causes()) {
      parts.add(ruleId(cause.type()) + " at " + (cause.path().isEmpty() ? "the root" : cause.path()) + ": "
          + explain(new Roles(cause, r.newIsReader())).what());
    }
    return ": " + String.join("; ", parts);
  }

  private static String text(JsonNode v) {
    if (v == null) {
      return "none";
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    return v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.toString();
  }

  private static String quoted(JsonNode v) {
    return v == null ? "none" : "'" + text(v) + "'";
  }

  private static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    if (array != null) {
      array.forEach(out::add);
    }
    return out;
  }

  private static String values(List<JsonNode> values) {
    return values.stream().map(JsonNode::toString).collect(Collectors.joining(", "));
  }
}
