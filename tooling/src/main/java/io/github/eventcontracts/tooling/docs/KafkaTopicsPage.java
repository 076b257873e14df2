package io.github.eventcontracts.tooling.docs;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcontracts.model.Catalog;
import io.github.eventcontracts.model.ConsumerGroup;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.EventField;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.tooling.registry.SubjectNaming;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code docs/reference/kafka-topics.md}: the platform's "Kafka Topics" page (a Docusaurus page: front matter, then
 * Markdown that also compiles as MDX), every fact taken from the contract model.
 */
final class KafkaTopicsPage {
  static final String TITLE = "Kafka Topics";
  static final String DESCRIPTION = "Event streaming via Kafka topics";
  static final int SIDEBAR_POSITION = 2;
  private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private KafkaTopicsPage() {}

  static String render(ContractModel model, Map<String, ObjectNode> examples, String version) {
    Catalog catalog = model.catalog();
    StringBuilder b = new StringBuilder();
    b.append("---\n")
        .append("title: ").append(TITLE).append('\n')
        .append("description: ").append(DESCRIPTION).append('\n')
        .append("sidebar_position: ").append(SIDEBAR_POSITION).append('\n')
        .append("---\n\n")
        .append("# ").append(TITLE).append("\n\n")
        .append("The platform uses Apache Kafka for event streaming between services. Every event travels in one ")
        .append("envelope (").append(envelope(model)).append("); its payload is under `data`.\n\n")
        .append("This page is generated from the event contracts (`io.github.eventcontracts:event-contracts:")
        .append(version).append("`): the topics, keys, settings and consumer groups from `schemas/catalog.yaml`, ")
        .append("the fields from each event's schemas. An AsyncAPI 3.0 description of the same contracts is ")
        .append("`asyncapi.yaml`.\n\n");

    b.append("## Connection Details\n\n")
        .append("```bash\n")
        .append("Bootstrap Servers: ").append(CodeExamples.BOOTSTRAP).append('\n')
        .append("Group ID: ").append(CodeExamples.SITE).append("-<service>\n")
        .append("Schema Registry: ").append(CodeExamples.REGISTRY).append('\n')
        .append("```\n\n")
        .append("Each service consumes with its own group id, `").append(CodeExamples.SITE)
        .append("-<service>` (see [Consumer Groups](#consumer-groups)); `").append(CodeExamples.SITE)
        .append("` is the site's name.\n\n");

    b.append("## Topics\n\n");
    for (EventContract e : model.events()) {
      topic(b, catalog, e, examples.get(e.eventType()));
    }

    b.append("## Consumer Groups\n\n")
        .append("| Service | Group ID | Topics |\n")
        .append("|---------|----------|--------|\n");
    for (ConsumerGroup g : catalog.consumerGroups()) {
      b.append("| ").append(cell(g.service())).append(" | `").append(g.groupId(CodeExamples.SITE)).append("` | ")
          .append(g.allTopics() ? "All topics (" + String.join(", ", g.topics()) + ")" : String.join(", ", g.topics()))
          .append(" |\n");
    }
    b.append('\n');

    EventContract first = model.events().get(0);
    ConsumerGroup reader = catalog.readersOf(first.topic().name()).stream().findFirst().orElse(null);
    b.append("## Example: Producing Events\n\n")
        .append("Python, sending plain JSON as the platform's Python services do today (the shape of the event's JSON ")
        .append("Schema; Java services read it with `EventJsonDeserializer`):\n\n")
        .append("```python title=\"Python producer example\"\n")
        .append(CodeExamples.pythonProducer(first.topic(), examples.get(first.eventType())))
        .append("```\n\n")
        .append("Java, with the contracts artifact (`io.github.eventcontracts:event-contracts:").append(version)
        .append("`, plus `org.apache.kafka:kafka-clients`), its generated classes and serdes; the topic's wire ")
        .append("format is ").append(wireFormatWords(first.topic().wireFormat())).append(":\n\n")
        .append("```java title=\"Java producer example\"\n")
        .append(CodeExamples.javaProducer(first, examples.get(first.eventType())).text())
        .append("```\n\n");
    if (reader != null) {
      b.append("## Example: Consuming Events\n\n")
          .append("```python title=\"Python consumer example\"\n")
          .append(CodeExamples.pythonConsumer(reader))
          .append("```\n\n")
          .append("```java title=\"Java consumer example\"\n")
          .append(CodeExamples.javaConsumer(reader, first).text())
          .append("```\n\n")
          .append("A topic carries one wire format: configure consumers for what its producers write (the Avro ")
          .append("deserializer reads the Confluent framing, `EventJsonDeserializer` plain JSON).\n\n");
    }

    b.append("## Topic Configuration\n\n")
        .append("| Topic | Partitions | Replication | Retention | min.insync.replicas | unclean.leader.election.enable |\n")
        .append("|-------|-----------|------------|-----------|---------------------|--------------------------------|\n");
    for (Topic t : catalog.topics()) {
      b.append("| ").append(t.name()).append(" | ").append(t.partitions()).append(" | ").append(t.replicationFactor())
          .append(" | ").append(retention(t.retention())).append(" | ").append(t.minInsyncReplicas()).append(" | ")
          .append(t.uncleanLeaderElectionEnable()).append(" |\n");
    }
    b.append("\nWith `acks=all` (the Kafka producer's default) a write is acknowledged once `min.insync.replicas` "
        + "replicas hold it; with `unclean.leader.election.enable` false a replica that missed writes never becomes "
        + "leader, so acknowledged events are not lost.\n\n");

    SubjectNaming naming = SubjectNaming.defaults();
    b.append("## Schema Registry\n\n")
        .append("Each topic has two subjects in the schema registry (TopicNameStrategy): `<topic>-value` holds the ")
        .append("schema of the topic's wire format, the other format is registered beside it.\n\n")
        .append("| Subject | Schema | Compatibility | Wire format |\n")
        .append("|---------|--------|---------------|-------------|\n");
    for (Topic t : catalog.topics()) {
      for (SchemaFormat f : List.of(t.wireFormat(), other(t.wireFormat()))) {
        b.append("| `").append(naming.subject(t, f)).append("` | ").append(formatName(f)).append(" | ")
            .append(t.compatibility(f)).append(" | ").append(f == t.wireFormat() ? "yes" : "no").append(" |\n");
      }
    }
    b.append("\nAvro on the wire is the Confluent framing: magic byte `0`, the schema id as 4 bytes big-endian, then ")
        .append("the Avro binary. Compatibility levels are Confluent's: `BACKWARD` means consumers using the new ")
        .append("schema read data written with the old, `FORWARD` the reverse, `FULL` both, `_TRANSITIVE` against ")
        .append("every earlier version.\n\n");

    b.append("## Next Steps\n\n")
        .append("- [WebSocket](./websocket.md) - Real-time updates\n")
        .append("- [Authentication](./authentication.md) - Auth details\n\n")
        .append("_Generated by `scripts/contracts docs` from event-contracts ").append(version)
        .append(". Edit the schemas and the catalog, not this page._\n");
    return b.toString();
  }

  private static void topic(StringBuilder b, Catalog catalog, EventContract e, ObjectNode example) {
    Topic t = e.topic();
    b.append("### ").append(t.name()).append("\n\n")
        .append(cell(t.description())).append("\n\n");
    List<ConsumerGroup> readers = catalog.readersOf(t.name());
    b.append("- **Event type**: `").append(t.eventType()).append("`\n")
        .append("- **Key**: `data.").append(t.keyField()).append("` (every event of one ").append("aggregate goes to one partition, in order)\n")
        .append("- **Wire format**: ").append(wireFormatWords(t.wireFormat())).append(", subject `")
        .append(SubjectNaming.defaults().subject(t, t.wireFormat())).append("`\n")
        .append("- **Read by**: ").append(readers.isEmpty() ? "no consumer group yet"
            : readers.stream().map(g -> g.service() + " (`" + g.groupId(CodeExamples.SITE) + "`)")
                .collect(Collectors.joining(", "))).append("\n\n");
    b.append("```json\n").append(json(example)).append("\n```\n\n");
    b.append("| Field | Type | Avro type | Required | Description |\n")
        .append("|-------|------|-----------|----------|-------------|\n");
    for (EventField f : e.fields()) {
      b.append("| `").append(f.path()).append("` | ").append(cell(f.jsonType())).append(" | ")
          .append(cell(f.avroType())).append(" | ").append(f.required() ? "required" : "optional").append(" | ")
          .append(cell(f.description())).append(" |\n");
    }
    b.append('\n');
  }

  static String json(ObjectNode example) {
    try {
      return JSON.writeValueAsString(example);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static String envelope(ContractModel model) {
    return model.events().get(0).fields().stream().filter(f -> !f.path().contains("."))
        .map(f -> "`" + f.path() + "`").collect(Collectors.joining(", "));
  }

  private static SchemaFormat other(SchemaFormat f) {
    return f == SchemaFormat.AVRO ? SchemaFormat.JSON : SchemaFormat.AVRO;
  }

  private static String formatName(SchemaFormat f) {
    return f == SchemaFormat.AVRO ? "Avro" : "JSON Schema";
  }

  private static String wireFormatWords(SchemaFormat f) {
    return f == SchemaFormat.AVRO ? "Avro (Confluent framing, schema id from the registry)" : "plain JSON";
  }

  /** Whole days as "7 days", else hours, minutes, seconds or milliseconds. */
  static String retention(Duration d) {
    long ms = d.toMillis();
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
    String[] names = {"day", "hour", "minute", "second", "millisecond"};
    for (int i = 0; i < units.length; i++) {
      if (ms % units[i] == 0) {
        long n = ms / units[i];
        return n + " " + names[i] + (n == 1 ? "" : "s");
      }
    }
    return ms + " ms";
  }

  /**
   * Text for a Markdown table cell or paragraph that also compiles as MDX (Docusaurus): no line breaks, pipes
   * escaped, and the characters MDX reads as JSX or expressions written as character references.
   */
  static String cell(String text) {
    return text.replace("\r", "").replace("\n", " ").replace("&", "&amp;").replace("|", "\\|")
        .replace("<", "&lt;").replace(">", "&gt;").replace("{", "&#123;").replace("}", "&#125;");
  }
}
