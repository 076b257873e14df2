package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.eventcontracts.tooling.compat.json.Schema.DependencyArray;
import io.github.eventcontracts.tooling.compat.json.Schema.DependencySchema;
import io.github.eventcontracts.tooling.compat.json.Schema.ObjectRules;
import io.github.eventcontracts.tooling.compat.json.Schema.PatternProperty;
import io.github.eventcontracts.tooling.compat.json.Schema.Property;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the keywords of objects, by Confluent's content models. An object is <em>open</em> when it has
 * no {@code patternProperties} and {@code additionalProperties} is absent, {@code true} or {@code {}}: any
 * property may appear with any value. It is <em>closed</em> when {@code additionalProperties} is
 * {@code false}, and <em>partially open</em> when {@code additionalProperties} is a schema or
 * {@code patternProperties} is present: an undeclared property must match that schema. From 2019-09 on, an
 * absent {@code additionalProperties} leaves the model to {@code unevaluatedProperties}, as in Confluent's
 * newer checker ({@code unevaluatedProperties} itself is compared by {@link SchemaDiff}, for the whole schema
 * object).
 *
 * <p>Adding a property is judged against the original's model (does old data already carry a property of
 * that name, with values the new schema may reject?); removing one against the update's model (does the
 * new schema still accept old data that carries it?). Under a partially open model the property's schema
 * is compared with the schema that covers its name, and the outcome decides covered or not covered.
 */
final class ObjectDiff {
  private ObjectDiff() {}

  static void compare(Context ctx, ObjectRules o, ObjectRules u) {
    required(ctx, o, u);
    properties(ctx, o, u);
    dependencies(ctx.at("dependencies"), o, u);
    additionalProperties(ctx.at("additionalProperties"), o, u);
    patternProperties(ctx, o, u);
    SchemaDiff.bound(ctx, o.maxProperties(), u.maxProperties(),
        MAX_PROPERTIES_ADDED, MAX_PROPERTIES_REMOVED, MAX_PROPERTIES_INCREASED, MAX_PROPERTIES_DECREASED);
    SchemaDiff.bound(ctx, o.minProperties(), u.minProperties(),
        MIN_PROPERTIES_ADDED, MIN_PROPERTIES_REMOVED, MIN_PROPERTIES_INCREASED, MIN_PROPERTIES_DECREASED);
  }

  /**
   * Required-ness of properties both schemas declare (a property added or removed is judged with its
   * requiredness in {@link #properties}), and of names that neither declares but one of them requires.
   */
  private static void required(Context ctx, ObjectRules o, ObjectRules u) {
    Set<String> names = new LinkedHashSet<>(o.required().keySet());
    names.addAll(u.required().keySet());
    names.addAll(o.properties().keySet());
    for (String name : names) {
      boolean declaredBoth = o.properties().containsKey(name) && u.properties().containsKey(name);
      boolean declaredNeither = !o.properties().containsKey(name) && !u.properties().containsKey(name);
      if (!declaredBoth && !declaredNeither) {
        continue;
      }
      String was = o.required().get(name);
      String is = u.required().get(name);
      Context c = ctx.at(name);
      if (was != null && is == null) {
        c.add(REQUIRED_ATTRIBUTE_REMOVED, was, null, null, null);
      } else if (was == null && is != null) {
        boolean defaulted = declaredBoth && hasDefault(u.properties().get(name));
        c.add(defaulted ? REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED : REQUIRED_ATTRIBUTE_ADDED, null, is, null, null);
      }
    }
  }

  private static void properties(Context ctx, ObjectRules o, ObjectRules u) {
    Set<String> names = new LinkedHashSet<>(o.properties().keySet());
    names.addAll(u.properties().keySet());
    for (String name : names) {
      Property a = o.properties().get(name);
      Property b = u.properties().get(name);
      Context c = ctx.at(name);
      if (a != null && b != null) {
        SchemaDiff.compare(c, a.schema(), b.schema());
      } else if (b == null) {
        removed(c, a, o, u);
      } else {
        added(c, b, o, u);
      }
    }
  }

  /** A property only the original declares; whether the update still accepts it depends on its model. */
  private static void removed(Context c, Property a, ObjectRules o, ObjectRules u) {
    if (isOpen(u)) {
      c.add(PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL, a.pointer(), null, null, null);
      return;
    }
    Schema covering = coveringSchema(u, a.name());
    if (covering != null) {
      Context t = c.trial();
      SchemaDiff.compare(t, a.schema(), covering);
      c.addAll(t);
      c.add(t.isCompatible() ? PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
          : PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, a.pointer(), null, null, null);
    } else if (a.schema().acceptsNothing()) {
      c.add(PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL, a.pointer(), null, null, null);
    } else {
      c.add(o.required().containsKey(a.name()) ? PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL
          : OPTIONAL_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, a.pointer(), null, null, null);
    }
  }

  /** A property only the update declares; whether old data may already carry it depends on the original. */
  private static void added(Context c, Property b, ObjectRules o, ObjectRules u) {
    boolean required = u.required().containsKey(b.name());
    boolean defaulted = hasDefault(b);
    if (isOpen(o)) {
      Difference.Type type = required && !defaulted ? REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL
          : b.schema().acceptsAnything() ? PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
          : required ? REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL
          : OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL;
      c.add(type, null, b.pointer(), null, null);
      return;
    }
    Schema covering = coveringSchema(o, b.name());
    if (covering != null) {
      Context t = c.trial();
      SchemaDiff.compare(t, covering, b.schema());
      c.addAll(t);
      c.add(t.isCompatible() ? PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
          : PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, null, b.pointer(), null, null);
    }
    c.add(!required ? OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL
        : defaulted ? REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL
        : REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL, null, b.pointer(), null, null);
  }

  /**
   * No {@code patternProperties}, and what undeclared properties must match ({@link #undeclared}) accepts
   * anything.
   */
  static boolean isOpen(ObjectRules r) {
    return r.patterns().isEmpty() && undeclared(r).acceptsAnything();
  }

  /**
   * The schema an undeclared property of this name must match in a model that is not open: the first
   * matching {@code patternProperties} entry, else {@code additionalProperties} (accepting anything when it
   * is absent); null when the name is not allowed at all ({@code additionalProperties: false}).
   */
  private static Schema coveringSchema(ObjectRules r, String name) {
    for (PatternProperty p : r.patterns()) {
      if (p.pattern().matcher(name).find()) {
        return p.schema();
      }
    }
    Schema undeclared = undeclared(r);
    return undeclared.acceptsNothing() ? null : undeclared;
  }

  /**
   * What a property that neither {@code properties} nor {@code patternProperties} names must match:
   * {@code additionalProperties}, else {@code unevaluatedProperties} (which then sees exactly those properties,
   * unless other keywords beside it evaluate some; see {@link SchemaDiff}), else anything.
   */
  private static Schema undeclared(ObjectRules r) {
    if (r.additional() != null) {
      return r.additional();
    }
    return r.unevaluated() != null ? r.unevaluated() : Schema.anything(r.pointer());
  }

  private static boolean hasDefault(Property p) {
    return p.schema().meta().defaultValue() != null;
  }

  private static void dependencies(Context ctx, ObjectRules o, ObjectRules u) {
    Set<String> names = new LinkedHashSet<>(o.dependencyArrays().keySet());
    names.addAll(u.dependencyArrays().keySet());
    for (String name : names) {
      DependencyArray a = o.dependencyArrays().get(name);
      DependencyArray b = u.dependencyArrays().get(name);
      Context c = ctx.at(name);
      if (b == null) {
        c.add(DEPENDENCY_ARRAY_REMOVED, a.pointer(), null, names(a.names()), null);
      } else if (a == null) {
        c.add(DEPENDENCY_ARRAY_ADDED, null, b.pointer(), null, names(b.names()));
      } else if (!Set.copyOf(a.names()).equals(Set.copyOf(b.names()))) {
        Difference.Type type = b.names().containsAll(a.names()) ? DEPENDENCY_ARRAY_EXTENDED
            : a.names().containsAll(b.names()) ? DEPENDENCY_ARRAY_NARROWED : DEPENDENCY_ARRAY_CHANGED;
        c.add(type, a.pointer(), b.pointer(), names(a.names()), names(b.names()));
      }
    }
    names = new LinkedHashSet<>(o.dependencySchemas().keySet());
    names.addAll(u.dependencySchemas().keySet());
    for (String name : names) {
      DependencySchema a = o.dependencySchemas().get(name);
      DependencySchema b = u.dependencySchemas().get(name);
      Context c = ctx.at(name);
      if (b == null) {
        c.add(DEPENDENCY_SCHEMA_REMOVED, a.pointer(), null, null, null);
      } else if (a == null) {
        c.add(DEPENDENCY_SCHEMA_ADDED, null, b.pointer(), null, null);
      } else {
        SchemaDiff.compare(c, a.schema(), b.schema());
      }
    }
  }

  private static void additionalProperties(Context c, ObjectRules o, ObjectRules u) {
    SchemaDiff.openness(c, o.additional(), o.additionalPointer(), u.additional(), u.additionalPointer(),
        ADDITIONAL_PROPERTIES_ADDED, ADDITIONAL_PROPERTIES_REMOVED, ADDITIONAL_PROPERTIES_EXTENDED,
        ADDITIONAL_PROPERTIES_NARROWED);
  }

  /**
   * Compares what each {@code patternProperties} entry allows with what the other schema allows for the
   * same names: the same entry, or else its {@code additionalProperties}.
   */
  private static void patternProperties(Context ctx, ObjectRules o, ObjectRules u) {
    Set<String> regexes = new LinkedHashSet<>();
    o.patterns().forEach(p -> regexes.add(p.regex()));
    u.patterns().forEach(p -> regexes.add(p.regex()));
    for (String regex : regexes) {
      PatternProperty a = pattern(o.patterns(), regex);
      PatternProperty b = pattern(u.patterns(), regex);
      Schema from = a != null ? a.schema() : undeclared(o);
      Schema to = b != null ? b.schema() : undeclared(u);
      SchemaDiff.compare(ctx.at("patternProperties[" + regex + "]"), from, to);
    }
  }

  private static PatternProperty pattern(List<PatternProperty> patterns, String regex) {
    return patterns.stream().filter(p -> p.regex().equals(regex)).findFirst().orElse(null);
  }

  private static JsonNode names(List<String> names) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    names.forEach(a::add);
    return a;
  }
}
