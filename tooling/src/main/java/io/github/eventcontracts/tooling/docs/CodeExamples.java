package io.github.eventcontracts.tooling.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcontracts.model.ConsumerGroup;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * The producing and consuming examples of the page, made from one event's example payload, its Avro schema
 * and the catalog: Python (kafka-python, plain JSON, as the platform's services send today) and Java (the
 * contracts artifact's generated classes and serdes). The Java examples are compiled in the tests.
 */
final class CodeExamples {
  static final String BOOTSTRAP = "kafka.example.com:9092";
  static final String REGISTRY = "https://schema-registry.example.com";
  static final String SITE = "{{SITE_NAME}}";

  /** A Java example: its imports and its statements (a method body). */
  record Java(Set<String> imports, String body) {
    String text() {
      StringBuilder b = new StringBuilder();
      imports.forEach(i -> b.append("import ").append(i).append(";\n"));
      return b.append('\n').append(body).toString();
    }
  }

  private CodeExamples() {}

  static String pythonProducer(Topic topic, ObjectNode example) {
    return "from kafka import KafkaProducer\n"
        + "import json\n\n"
        + "producer = KafkaProducer(\n"
        + "    bootstrap_servers=['" + BOOTSTRAP + "'],\n"
        + "    key_serializer=lambda k: k.encode('utf-8'),\n"
        + "    value_serializer=lambda v: json.dumps(v).encode('utf-8')\n"
        + ")\n\n"
        + "event = " + python(example, "") + "\n\n"
        + "# the key is data." + topic.keyField() + ", as the catalog says for " + topic.name() + "\n"
        + "producer.send('" + topic.name() + "', key=event['data']['" + topic.keyField() + "'], value=event)\n"
        + "producer.flush()\n";
  }

  static String pythonConsumer(ConsumerGroup group) {
    StringBuilder topics = new StringBuilder();
    group.topics().forEach(t -> topics.append("    '").append(t).append("',\n"));
    return "from kafka import KafkaConsumer\n"
        + "import json\n\n"
        + "consumer = KafkaConsumer(\n"
        + topics
        + "    bootstrap_servers=['" + BOOTSTRAP + "'],\n"
        + "    group_id='" + group.groupId(SITE) + "',\n"
        + "    value_deserializer=lambda m: json.loads(m.decode('utf-8'))\n"
        + ")\n\n"
        + "for message in consumer:\n"
        + "    event = message.value\n"
        + "    print(f\"Received: {event['event_type']}\")\n"
        + "    # Handle event...\n";
  }

  static Java javaProducer(EventContract event, ObjectNode example) {
    Topic topic = event.topic();
    Set<String> imports = new TreeSet<>(List.of("java.util.Properties",
        "io.github.eventcontracts.serde.EventKeys", "io.github.eventcontracts.serde.EventSerdeConfig",
        "org.apache.avro.specific.SpecificRecord", "org.apache.kafka.clients.producer.KafkaProducer",
        "org.apache.kafka.clients.producer.ProducerRecord", "org.apache.kafka.common.serialization.StringSerializer"));
    boolean avro = topic.wireFormat() == SchemaFormat.AVRO;
    imports.add("io.github.eventcontracts.serde." + (avro ? "EventAvroSerializer" : "EventJsonSerializer"));
    String builder = builder(event.avroSchema(), example, imports, "    ");
    StringBuilder b = new StringBuilder();
    b.append("Properties p = new Properties();\n")
        .append("p.put(\"bootstrap.servers\", \"").append(BOOTSTRAP).append("\");\n")
        .append("p.put(\"key.serializer\", StringSerializer.class.getName());\n");
    if (avro) {
      b.append("p.put(\"value.serializer\", EventAvroSerializer.class.getName());  // Avro, Confluent wire format\n")
          .append("p.put(EventSerdeConfig.SCHEMA_REGISTRY_URL, \"").append(REGISTRY).append("\");\n");
    } else {
      b.append("p.put(\"value.serializer\", EventJsonSerializer.class.getName());  // plain JSON, validated\n");
    }
    List<String> defaulted = new ArrayList<>();
    event.avroSchema().getFields().stream().filter(f -> example.has(f.name()) && isDefault(f, example.get(f.name())))
        .forEach(f -> defaulted.add(f.name() + " = \"" + f.defaultVal() + "\""));
    b.append("\n").append(event.avroSchema().getName()).append(" event = ").append(builder).append(";")
        .append(defaulted.isEmpty() ? "" : "  // defaults: " + String.join(", ", defaulted)).append("\n\n")
        .append("try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(p)) {\n")
        .append("  // the key is data.").append(topic.keyField()).append(", as the catalog says for ").append(topic.name())
        .append("\n")
        .append("  producer.send(new ProducerRecord<>(\"").append(topic.name()).append("\", EventKeys.keyOf(event), event));\n")
        .append("}\n");
    return new Java(imports, b.toString());
  }

  static Java javaConsumer(ConsumerGroup group, EventContract event) {
    boolean avro = event.topic().wireFormat() == SchemaFormat.AVRO;
    Set<String> imports = new TreeSet<>(List.of("java.time.Duration", "java.util.Properties",
        "io.github.eventcontracts.model.Catalog", "io.github.eventcontracts.model.ConsumerGroup",
        "io.github.eventcontracts.model.ContractModel", "io.github.eventcontracts.serde.EventSerdeConfig",
        "org.apache.avro.specific.SpecificRecord", "org.apache.kafka.clients.consumer.ConsumerRecord",
        "org.apache.kafka.clients.consumer.KafkaConsumer", "org.apache.kafka.common.serialization.StringDeserializer",
        event.avroSchema().getFullName()));
    imports.add("io.github.eventcontracts.serde." + (avro ? "EventAvroDeserializer" : "EventJsonDeserializer"));
    String key = event.topic().keyField();
    StringBuilder b = new StringBuilder();
    b.append("Catalog catalog = ContractModel.bundled().catalog();\n")
        .append("ConsumerGroup group = catalog.consumerGroup(\"").append(group.id()).append("\").orElseThrow();\n\n")
        .append("Properties c = new Properties();\n")
        .append("c.put(\"bootstrap.servers\", \"").append(BOOTSTRAP).append("\");\n")
        .append("c.put(\"group.id\", group.groupId());  // ").append(group.groupId(SITE))
        .append(", SITE_NAME from the environment\n")
        .append("c.put(\"key.deserializer\", StringDeserializer.class.getName());\n");
    if (avro) {
      b.append("c.put(\"value.deserializer\", EventAvroDeserializer.class.getName());\n")
          .append("c.put(EventSerdeConfig.SCHEMA_REGISTRY_URL, \"").append(REGISTRY).append("\");\n");
    } else {
      b.append("c.put(\"value.deserializer\", EventJsonDeserializer.class.getName());  // dispatches on event_type\n");
    }
    b.append("\ntry (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(c)) {\n")
        .append("  consumer.subscribe(group.topics());  // ").append(String.join(", ", group.topics())).append("\n")
        .append("  while (true) {\n")
        .append("    for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofSeconds(1))) {\n")
        .append("      if (record.value() instanceof ").append(event.avroSchema().getName()).append(" event) {\n")
        .append("        System.out.println(\"Received: \" + event.getEventType() + \" \" + event.getData().")
        .append(accessor("get", key)).append("());\n")
        .append("      }\n")
        .append("      // Handle event...\n")
        .append("    }\n")
        .append("  }\n")
        .append("}\n");
    return new Java(imports, b.toString());
  }

  /** A builder expression of a generated class, with the example's values; fields equal to their default are left out. */
  private static String builder(Schema record, JsonNode value, Set<String> imports, String indent) {
    imports.add(record.getFullName());
    StringBuilder b = new StringBuilder(record.getName()).append(".newBuilder()");
    for (Schema.Field f : record.getFields()) {
      JsonNode v = value.get(f.name());
      if (v == null || v.isNull()) {
        continue;
      }
      if (isDefault(f, v)) {
        continue;
      }
      b.append('\n').append(indent).append('.').append(accessor("set", f.name())).append('(')
          .append(literal(f.schema(), v, imports, indent + "    ")).append(')');
    }
    return b.append('\n').append(indent).append(".build()").toString();
  }

  private static boolean isDefault(Schema.Field f, JsonNode v) {
    return f.hasDefaultValue() && v.isTextual() && v.textValue().equals(String.valueOf(f.defaultVal()));
  }

  private static String literal(Schema s, JsonNode v, Set<String> imports, String indent) {
    switch (s.getType()) {
      case UNION:
        for (Schema t : s.getTypes()) {
          if (t.getType() != Schema.Type.NULL) {
            return literal(t, v, imports, indent);
          }
        }
        return "null";
      case RECORD:
        return builder(s, v, imports, indent);
      case ENUM:
        imports.add(s.getFullName());
        return s.getName() + "." + v.asText();
      case ARRAY: {
        imports.add("java.util.List");
        List<String> items = new ArrayList<>();
        v.forEach(i -> items.add(literal(s.getElementType(), i, imports, indent)));
        return "List.of(" + String.join(", ", items) + ")";
      }
      case LONG:
        if (s.getLogicalType() != null && s.getLogicalType().getName().startsWith("timestamp")) {
          imports.add("java.time.Instant");
          return "Instant.parse(" + quote(v.asText()) + ")";
        }
        return v.asText() + "L";
      case INT:
        return v.asText();
      case DOUBLE:
        return v.asText() + "d";
      case FLOAT:
        return v.asText() + "f";
      case BOOLEAN:
        return v.asText();
      default:
        if (s.getLogicalType() != null && "uuid".equals(s.getLogicalType().getName())) {
          imports.add("java.util.UUID");
          return "UUID.fromString(" + quote(v.asText()) + ")";
        }
        return quote(v.asText());
    }
  }

  /** The accessor avro-maven-plugin generates for a field: skill_id -> setSkillId. */
  static String accessor(String prefix, String field) {
    StringBuilder b = new StringBuilder(prefix);
    boolean upper = true;
    for (char c : field.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** A Python literal of a JSON value, indented by four spaces per level. */
  static String python(JsonNode v, String indent) {
    if (v.isObject()) {
      if (v.isEmpty()) {
        return "{}";
      }
      List<String> entries = new ArrayList<>();
      v.properties().forEach(e -> entries.add(indent + "    " + pyString(e.getKey()) + ": " + python(e.getValue(), indent + "    ")));
      return "{\n" + String.join(",\n", entries) + "\n" + indent + "}";
    }
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(i -> items.add(python(i, indent)));
      return "[" + String.join(", ", items) + "]";
    }
    if (v.isTextual()) {
      return pyString(v.textValue());
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "True" : "False";
    }
    if (v.isNull()) {
      return "None";
    }
    return v.asText();
  }

  private static String pyString(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
