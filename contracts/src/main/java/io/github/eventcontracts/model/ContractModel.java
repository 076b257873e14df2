package io.github.eventcontracts.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Everything in the schemas folder, parsed once: the catalog and, per topic, both schemas. Every other
 * part of the project (codecs, lint, compatibility, registry and topic plans) asks this model instead of
 * reading files itself.
 */
public final class ContractModel {
  public static final String CATALOG_FILE = "catalog.yaml";
  /** What Avro's parser messages quote or name: "x", or the name after "Undefined schema: ". */
  private static final Pattern NAMED =
      Pattern.compile("\"([^\"]+)\"|Undefined (?:schema|name): ([\\w.]+)|Duplicate (?:field|enum symbol) ([\\w]+)");

  private final Catalog catalog;
  private final Map<String, EventContract> events;

  private ContractModel(Catalog catalog, Map<String, EventContract> events) {
    this.catalog = catalog;
    this.events = Collections.unmodifiableMap(events);
  }

  /** The contracts bundled in this artifact. */
  public static ContractModel bundled() {
    return load(SchemaSource.bundled());
  }

  /** A schemas folder on disk, named {@code schemas} in messages. */
  public static ContractModel load(Path schemasDir) {
    return load(SchemaSource.directory(schemasDir, "schemas"));
  }

  /**
   * Loads and cross-checks everything.
   *
   * @throws ContractException listing every problem found, each with file, line and fix
   */
  public static ContractModel load(SchemaSource source) {
    String catalogText = readOrFail(source, CATALOG_FILE, null);
    Catalog catalog = Catalog.parse(SourceDocument.parse(source.displayPath(CATALOG_FILE), catalogText));
    List<Finding> findings = new ArrayList<>();
    Map<String, EventContract> events = new LinkedHashMap<>();
    for (Topic topic : catalog.topics()) {
      try {
        SourceDocument avro = schemaDocument(source, catalog, topic, SchemaFormat.AVRO);
        SourceDocument json = schemaDocument(source, catalog, topic, SchemaFormat.JSON);
        Schema schema = parseAvro(avro);
        events.put(topic.eventType(), new EventContract(topic, avro, schema, json));
      } catch (ContractException e) {
        findings.addAll(e.findings());
      }
    }
    if (!findings.isEmpty()) {
      throw new ContractException(findings);
    }
    return new ContractModel(catalog, events);
  }

  private static SourceDocument schemaDocument(SchemaSource source, Catalog catalog, Topic topic, SchemaFormat f) {
    String rel = topic.schemaPath(f);
    String pointer = "/topics/" + topic.name() + "/schemas/" + f.key();
    String text = readOrFail(source, rel, Finding.at("CATALOG_SCHEMA_MISSING", catalog.source(), pointer,
        "topics." + topic.name() + ".schemas." + f.key(),
        "topic '" + topic.name() + "' names the " + f.key() + " schema '" + rel + "', but "
            + source.displayPath(rel) + " does not exist",
        "create the file or correct the path (it is relative to the catalog's folder)"));
    SourceDocument doc = SourceDocument.parse(source.displayPath(rel), text);
    if (!doc.root().isObject()) {
      throw new ContractException(Finding.at("SCHEMA_INVALID", doc, "", "",
          "the schema must be a JSON object", "write the event's record (Avro) or object schema (JSON Schema)"));
    }
    return doc;
  }

  private static String readOrFail(SchemaSource source, String rel, Finding ifMissing) {
    try {
      String text = source.read(rel);
      if (text == null) {
        throw new ContractException(ifMissing != null ? ifMissing
            : new Finding("CATALOG_MISSING", source.displayPath(rel), 0, 0, "",
                "there is no " + rel + " in " + source, "run inside a contracts repository, or pass --repo DIR "
                    + "(and --schemas DIR when the folder is not 'schemas'); the format is in docs/catalog.md"));
      }
      return text;
    } catch (IOException e) {
      throw new ContractException(new Finding("FILE_UNREADABLE", source.displayPath(rel), 0, 0, "", e.toString(), ""));
    }
  }

  /** Parses an Avro schema document, turning the parser's complaint into a located finding. */
  public static Schema parseAvro(SourceDocument doc) {
    JsonNode root = doc.root();
    if (root.isObject() && !root.has("fields") && (root.has("$schema") || root.has("properties"))) {
      throw new ContractException(Finding.at("SCHEMA_INVALID", doc, "", "",
          "this is a JSON Schema, not an Avro schema", "name JSON Schema files *.json, or pass --type json"));
    }
    try {
      return new Schema.Parser().parse(doc.text());
    } catch (RuntimeException e) {
      // SchemaParseException, AvroTypeException, AvroRuntimeException ("Duplicate field"), and the like
      String pointer = "";
      Matcher m = NAMED.matcher(String.valueOf(e.getMessage()));
      while (m.find() && pointer.isEmpty()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        String found = doc.findText(name);
        if (found == null && name.contains(".")) {
          found = doc.findText(name.substring(name.lastIndexOf('.') + 1));
        }
        pointer = found == null ? "" : found;
      }
      throw new ContractException(Finding.at("SCHEMA_INVALID", doc, pointer, "",
          "not a valid Avro schema: " + e.getMessage(), "correct the schema at that line (see the Avro specification)"));
    }
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Every event, in catalog order. */
  public List<EventContract> events() {
    return List.copyOf(events.values());
  }

  public Optional<EventContract> event(String eventType) {
    return Optional.ofNullable(events.get(eventType));
  }
}
