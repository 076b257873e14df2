package io.github.eventcontracts.tooling.registry;

import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.Topic;
import java.util.Optional;

/**
 * Registry subject names. The topic's wire format follows Confluent's TopicNameStrategy,
 * {@code <topic>-value}, so producers and consumers using the standard serdes find it. The other format
 * is registered beside it under a template, by default {@code <topic>-<format>-value}
 * (e.g. {@code skill.created-json-value}); {@code {topic}} and {@code {format}} are replaced.
 */
public record SubjectNaming(String otherFormatTemplate) {
  public static final String DEFAULT_TEMPLATE = "{topic}-{format}-value";

  public SubjectNaming {
    if (!otherFormatTemplate.contains("{topic}")) {
      throw new IllegalArgumentException("the subject template '" + otherFormatTemplate + "' must contain {topic}");
    }
  }

  public static SubjectNaming defaults() {
    return new SubjectNaming(DEFAULT_TEMPLATE);
  }

  public String subject(Topic topic, SchemaFormat format) {
    if (format == topic.wireFormat()) {
      return topic.name() + "-value";
    }
    return otherFormatTemplate.replace("{topic}", topic.name()).replace("{format}", format.key());
  }

  /** The format a subject of {@code topic} holds, if the subject belongs to it. */
  public Optional<SchemaFormat> formatOf(Topic topic, String subject) {
    for (SchemaFormat f : SchemaFormat.values()) {
      if (subject(topic, f).equals(subject)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
