package io.github.eventcontracts.tooling.compat.avro;

import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * One comparison of a reader schema with a writer schema: runs Avro's check and our logical-type policy,
 * locates each problem in the files and words it (what changed, from what to what, who it breaks, how to
 * fix it). One finding per rule and location; details of problems found more than once are merged.
 */
final class Comparison implements LogicalTypePolicy.Listener {
  static final String PREFIX = "AVRO_";
  static final String LOGICAL_TYPE_CHANGED = "AVRO_LOGICAL_TYPE_CHANGED";
  static final String FIELD_ALIAS_AMBIGUOUS = "AVRO_FIELD_ALIAS_AMBIGUOUS";

  private static final String TYPE_HINT = "make the change in a new field (with a default) instead of changing the"
      + " type; Avro only converts int to long, float or double, long to float or double, float to double,"
      + " and string to bytes and back";

  private final SchemaIndex reader;
  private final SchemaIndex writer;
  private final Side newSide;
  private final Map<String, Problem> problems = new LinkedHashMap<>();
  /** (reader, writer) union branch pairs already checked on their own, by identity. */
  private final Map<Schema, Set<Schema>> expanded = new IdentityHashMap<>();
  private boolean ambiguous;

  Comparison(SchemaIndex reader, SchemaIndex writer, Side newSide) {
    this.reader = reader;
    this.writer = writer;
    this.newSide = newSide;
  }

  /** Every problem, one finding per rule and location, ordered by file, line and column. */
  List<Finding> run() {
    new LogicalTypePolicy(this).walk(reader.root(), writer.root());
    if (!ambiguous) {
      // with an ambiguous field Avro throws instead of answering; that finding is the answer then
      check(reader.root(), writer.root());
    }
    return problems.values().stream().map(Problem::finding)
        .sorted(Comparator.comparing(Finding::file).thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column).thenComparing(Finding::ruleId))
        .collect(Collectors.toList());
  }

  /** Runs Avro on a pair of nodes and reports what it finds; returns how many incompatibilities it found. */
  private int check(SchemaNode r, SchemaNode w) {
    List<Incompatibility> found;
    try {
      found = SchemaCompatibility.checkReaderWriterCompatibility(r.schema(), w.schema()).getResult()
          .getIncompatibilities();
    } catch (AvroRuntimeException e) {
      // not expected: the one known cause, an ambiguous field alias, is found before Avro runs
      SchemaNode now = newNode(r, w);
      throw new ContractException(Finding.at(PREFIX + "UNCHECKABLE", now.index().doc(), now.site(), now.path(),
          "Avro cannot compare the schemas: " + e.getMessage(), "correct the schema so that Avro can resolve it"));
    }
    for (Incompatibility inc : found) {
      report(inc, IncompatibilityLocator.locate(inc, r, w));
    }
    return found.size();
  }

  private void report(Incompatibility inc, IncompatibilityLocator.Location at) {
    switch (inc.getType()) {
      case READER_FIELD_MISSING_DEFAULT_VALUE:
        if (at.readerField() != null) {
          missingField(at.readerField(), at.writer(), false);
        } else {
          typeMismatch(inc, at.reader(), at.writer());
        }
        break;
      case TYPE_MISMATCH:
        if (at.writerMissing() && at.readerField() != null) {
          // Avro compares a reader enum field that has a default symbol but no field default with the whole
          // writer record; the real problem is the missing field default
          missingField(at.readerField(), at.writer(), true);
        } else {
          typeMismatch(inc, at.reader(), at.writer());
        }
        break;
      case MISSING_ENUM_SYMBOLS:
        enumSymbols(inc, at.reader(), at.writer());
        break;
      case MISSING_UNION_BRANCH:
        unionBranch(inc, at);
        break;
      case NAME_MISMATCH:
        nameMismatch(inc, at.reader(), at.writer());
        break;
      case FIXED_SIZE_MISMATCH:
        fixedSize(inc, at.reader(), at.writer());
        break;
      default:
        typeMismatch(inc, at.reader(), at.writer());
        break;
    }
  }

  /** The reader needs a field the writer does not have, and it has no default. Points at the reader's field. */
  private void missingField(SchemaNode.FieldNode field, SchemaNode writerRecord, boolean enumDefaultOnly) {
    List<String> unmatched = unmatchedWriterFields(field.record().schema(), writerRecord.schema());
    List<String> details = new ArrayList<>();
    String summary;
    String hint;
    if (newSide == Side.READER) {
      summary = "field " + Describe.at(field.path()) + " was added without a default";
      details.add("data written with the old schema has no value for it");
      hint = "give the new field a default (for an optional field: \"type\": [\"null\", ...] with \"default\": null)";
      if (!unmatched.isEmpty()) {
        hint += "; if it renames " + quoted(unmatched) + ", add the old name to the field's \"aliases\"";
      }
    } else {
      summary = "field " + Describe.at(field.path()) + " was removed, but the old schema has no default for it";
      details.add("consumers still on the old schema need a value for it");
      if (!unmatched.isEmpty()) {
        details.add("if it was renamed to " + quoted(unmatched)
            + ": aliases in the new schema do not help old consumers");
      }
      hint = "keep the field; to retire it, first release a version that gives it a default, then remove it";
    }
    if (enumDefaultOnly) {
      details.add("an enum's default symbol does not stand in for a missing field's default");
    }
    add(PREFIX + "READER_FIELD_MISSING_DEFAULT_VALUE", field.record().index().doc(), field.namePointer(),
        field.path(), summary, details, hint);
  }

  /** The writer's fields that no reader field resolves to, by name or alias: candidates for a rename. */
  private static List<String> unmatchedWriterFields(Schema readerRecord, Schema writerRecord) {
    List<String> out = new ArrayList<>();
    if (readerRecord.getType() != Schema.Type.RECORD || writerRecord.getType() != Schema.Type.RECORD) {
      return out;
    }
    Set<Schema.Field> matched = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Schema.Field rf : readerRecord.getFields()) {
      matched.addAll(LogicalTypePolicy.writerFields(writerRecord, rf));
    }
    for (Schema.Field wf : writerRecord.getFields()) {
      if (!matched.contains(wf)) {
        out.add(wf.name());
      }
    }
    return out;
  }

  /** The writer's type cannot be read as the reader's. Points at the new side's node. */
  private void typeMismatch(Incompatibility inc, SchemaNode r, SchemaNode w) {
    SchemaNode now = newNode(r, w);
    SchemaNode before = oldNode(r, w);
    List<String> details = new ArrayList<>();
    if (r.union() != null || w.union() != null) {
      details.add(Describe.type(w.schema()) + " values cannot be read as " + Describe.type(r.schema()));
    }
    add(PREFIX + inc.getType().name(), now.index().doc(), now.site(), now.path(),
        "the type of " + Describe.at(now.path()) + " changed from " + Describe.type(before.whole().schema())
            + " to " + Describe.type(now.whole().schema()), details, TYPE_HINT);
  }

  /** The writer's enum has symbols the reader's lacks (and the reader has no default symbol). */
  private void enumSymbols(Incompatibility inc, SchemaNode r, SchemaNode w) {
    if (r.schema().getType() != Schema.Type.ENUM || w.schema().getType() != Schema.Type.ENUM) {
      typeMismatch(inc, r, w);
      return;
    }
    List<String> missing = new ArrayList<>(w.schema().getEnumSymbols());
    missing.removeAll(r.schema().getEnumSymbols());
    String pointer = missing.isEmpty() ? w.attribute("symbols")
        : w.defPointer() + "/symbols/" + w.schema().getEnumSymbols().indexOf(missing.get(0));
    String name = "enum " + w.schema().getName() + " " + Describe.where(w.path());
    List<String> details = new ArrayList<>();
    if (newSide == Side.READER) {
      // removed symbols: point at the first of them in the old (writer's) file
      details.add("data written with the old schema may contain " + (missing.size() == 1 ? "it" : "them")
          + ", and the new enum has no default symbol");
      add(PREFIX + inc.getType().name(), w.index().doc(), pointer, w.path(),
          name + " no longer has the symbol" + plural(missing) + " " + Describe.list(missing), details,
          "add the symbol back, or give the enum a default symbol (\"default\": \"...\") that replaces unknown ones");
    } else {
      details.add("the old enum does not know " + (missing.size() == 1 ? "it" : "them") + " and has no default symbol");
      add(PREFIX + inc.getType().name(), w.index().doc(), pointer, w.path(),
          name + " has the new symbol" + plural(missing) + " " + Describe.list(missing), details,
          "do not add the symbol yet: first release a version whose enum has a default symbol (\"default\": \"...\")"
              + " and let every consumer upgrade to it");
    }
  }

  /**
   * The reader's union cannot read (a branch of) what the writer writes. When the union has a branch of
   * the same kind (same named type, or array, map...) the branch itself changed incompatibly, and Avro says
   * only "missing union branch"; that branch pair is checked on its own to report the real cause.
   */
  private void unionBranch(Incompatibility inc, IncompatibilityLocator.Location at) {
    SchemaNode r = at.reader();
    SchemaNode w = at.writer();
    boolean bothUnions = r.schema().getType() == Schema.Type.UNION && w.schema().getType() == Schema.Type.UNION;
    if (bothUnions && (at.writerBranch() < 0 || at.writerBranch() >= w.schema().getTypes().size())) {
      typeMismatch(inc, r, w);
      return;
    }
    SchemaNode writerBranch = bothUnions ? w.branch(at.writerBranch()) : w;
    if (r.schema().getType() == Schema.Type.UNION) {
      int k = LogicalTypePolicy.readerBranchFor(r.schema(), writerBranch.schema());
      if (k >= 0) {
        Schema readerBranch = r.schema().getTypes().get(k);
        boolean first = expanded.computeIfAbsent(readerBranch, x -> Collections.newSetFromMap(new IdentityHashMap<>()))
            .add(writerBranch.schema());
        if (!first || check(r.branch(k), writerBranch) > 0) {
          return;
        }
      }
    } else {
      typeMismatch(inc, r, w);
      return;
    }
    String rule = PREFIX + inc.getType().name();
    String branch = Describe.type(writerBranch.schema());
    if (bothUnions) {
      // a branch removed (BACKWARD: in the old file) or added (FORWARD: in the new file); the writer's file
      SchemaNode before = oldNode(r, w);
      SchemaNode now = newNode(r, w);
      String change = "it changed from " + Describe.type(before.schema()) + " to " + Describe.type(now.schema());
      if (newSide == Side.READER) {
        add(rule, writerBranch.index().doc(), writerBranch.site(), writerBranch.path(),
            "the union " + Describe.where(writerBranch.path()) + " no longer has the " + branch + " branch",
            List.of(change), "add the " + branch + " branch back to the union");
      } else {
        add(rule, writerBranch.index().doc(), writerBranch.site(), writerBranch.path(),
            "the union " + Describe.where(writerBranch.path()) + " has the new branch " + branch,
            List.of(change, "the old union has no branch that can read it"),
            "do not add branches to a union that consumers on the old schema read; put the new kind of value in a"
                + " new field with a default");
      }
      return;
    }
    SchemaNode now = newNode(r, w);
    SchemaNode before = oldNode(r, w);
    add(rule, now.index().doc(), now.site(), now.path(),
        "the type of " + Describe.at(now.path()) + " changed from " + Describe.type(before.whole().schema()) + " to "
            + Describe.type(now.whole().schema()),
        List.of("the union " + Describe.type(r.schema()) + " has no branch that can read " + branch),
        newSide == Side.READER ? "add a branch that can read " + branch + " to the union, or " + TYPE_HINT : TYPE_HINT);
  }

  /**
   * A named type has another name (and the reader has no alias for the writer's name): either the type was
   * renamed where it is defined, or the node now refers to another named type.
   */
  private void nameMismatch(Incompatibility inc, SchemaNode r, SchemaNode w) {
    SchemaNode now = newNode(r, w);
    SchemaNode before = oldNode(r, w);
    String oldName = before.schema().getFullName();
    String newName = now.schema().getFullName();
    String kind = Describe.kind(now.schema());
    String rule = PREFIX + inc.getType().name();
    if (now.reference() || before.reference()) {
      // a reference switched to another named type: point at the reference
      add(rule, now.index().doc(), now.site(), now.path(), "the type of " + Describe.at(now.path()) + " changed from "
          + Describe.kind(before.schema()) + " " + oldName + " to " + kind + " " + newName, List.of(), TYPE_HINT);
      return;
    }
    add(rule, now.index().doc(), now.attribute("name"), now.path(),
        "the " + kind + " " + Describe.where(now.path()) + " was renamed from " + oldName + " to " + newName,
        List.of(),
        newSide == Side.READER
            ? "keep the name, or add \"" + oldName + "\" to the " + kind + "'s \"aliases\""
            : "keep the name " + oldName + ": consumers on the old schema only know that name, and aliases in the new"
                + " schema do not help them");
  }

  /** A fixed type changed its size. */
  private void fixedSize(Incompatibility inc, SchemaNode r, SchemaNode w) {
    SchemaNode now = newNode(r, w);
    SchemaNode before = oldNode(r, w);
    if (now.schema().getType() != Schema.Type.FIXED || before.schema().getType() != Schema.Type.FIXED) {
      typeMismatch(inc, r, w);
      return;
    }
    add(PREFIX + inc.getType().name(), now.index().doc(), now.attribute("size"), now.path(),
        "fixed " + now.schema().getName() + " " + Describe.where(now.path()) + " changed its size from "
            + before.schema().getFixedSize() + " to " + now.schema().getFixedSize() + " bytes",
        List.of(), "keep the size; for values of another size add a new field with a new fixed type");
  }

  @Override
  public void logicalTypeChanged(SchemaNode r, SchemaNode w) {
    SchemaNode now = newNode(r, w);
    SchemaNode before = oldNode(r, w);
    add(LOGICAL_TYPE_CHANGED, now.index().doc(), now.attribute("logicalType"), now.path(),
        "the logical type of " + Describe.at(now.path()) + " changed from " + logical(before.schema()) + " to "
            + logical(now.schema()),
        List.of("Avro resolves only the underlying type and ignores logical types, so data would be read"
            + " without any error but with another meaning"),
        "keep the logical type; put values with the new meaning in a new field (with a default) and deprecate"
            + " the old one");
  }

  private static String logical(Schema s) {
    String lt = LogicalTypePolicy.logicalType(s);
    return lt != null ? lt + " (" + Describe.primitive(s) + ")" : "none (plain " + Describe.primitive(s) + ")";
  }

  @Override
  public void ambiguousField(SchemaNode.FieldNode field, SchemaNode writerRecord, List<Schema.Field> matches) {
    ambiguous = true;
    List<String> names = matches.stream().map(f -> "'" + f.name() + "'").collect(Collectors.toList());
    List<String> details = List.of("Avro refuses to resolve such a field, so the data cannot be read at all");
    if (newSide == Side.READER) {
      String pointer = field.has("aliases") ? field.pointer() + "/aliases" : field.namePointer();
      add(FIELD_ALIAS_AMBIGUOUS, field.record().index().doc(), pointer, field.path(),
          "field " + Describe.at(field.path()) + " matches several fields of the old schema by its name and aliases ("
              + Describe.list(names) + ")", details,
          "remove the alias that names a field which still exists in the old schema");
    } else {
      // the new schema added a field under a name that an old field lists as alias: point at that new field
      Schema.Field byAlias = matches.stream().filter(f -> !f.name().equals(field.field().name())).findFirst()
          .orElse(matches.get(matches.size() - 1));
      SchemaNode.FieldNode added = writerRecord.field(byAlias.pos());
      add(FIELD_ALIAS_AMBIGUOUS, writerRecord.index().doc(), added.namePointer(), added.path(),
          "field " + Describe.at(added.path()) + " is named like an alias of the old schema's field "
              + Describe.at(field.path()) + ", which therefore matches several fields (" + Describe.list(names) + ")",
          details, "do not add a field whose name is an alias of another field in the old schema; choose another name");
    }
  }

  private SchemaNode newNode(SchemaNode r, SchemaNode w) {
    return newSide == Side.READER ? r : w;
  }

  private SchemaNode oldNode(SchemaNode r, SchemaNode w) {
    return newSide == Side.READER ? w : r;
  }

  private String consequence() {
    return newSide == Side.READER
        ? "consumers using the new schema cannot read data written with the old one"
        : "consumers still on the old schema cannot read data written with the new one";
  }

  private void add(String rule, SourceDocument doc, String pointer, String path, String summary,
      List<String> details, String hint) {
    String key = rule + '\0' + doc.file() + '\0' + pointer;
    Problem p = problems.computeIfAbsent(key,
        k -> new Problem(rule, doc, pointer, path, summary, new LinkedHashSet<>(), hint));
    p.details().addAll(details);
  }

  private static String plural(List<?> items) {
    return items.size() == 1 ? "" : "s";
  }

  private static String quoted(List<String> names) {
    return Describe.either(names.stream().map(n -> "'" + n + "'").collect(Collectors.toList()));
  }

  /** A problem before it becomes a finding; details of the same problem found again are merged in. */
  private final class Problem {
    private final String rule;
    private final SourceDocument doc;
    private final String pointer;
    private final String path;
    private final String summary;
    private final Set<String> details;
    private final String hint;

    Problem(String rule, SourceDocument doc, String pointer, String path, String summary, Set<String> details,
        String hint) {
      this.rule = rule;
      this.doc = doc;
      this.pointer = pointer;
      this.path = path;
      this.summary = summary;
      this.details = details;
      this.hint = hint;
    }

    Set<String> details() {
      return details;
    }

    Finding finding() {
      String message = summary + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")") + "; "
          + consequence();
      return Finding.at(rule, doc, pointer, path, message, hint);
    }
  }
}
