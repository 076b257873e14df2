package io.github.eventcontracts.tooling.gate;

import io.github.eventcontracts.model.Catalog;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.tooling.compat.SchemaVersion;
import java.util.List;
import java.util.Map;

/**
 * What the contracts looked like before the change under review: per topic, its event type and every
 * earlier version of each format's schema (oldest first).
 *
 * @param description how the baseline is named in messages ({@code git:origin/main (abc1234)})
 * @param catalog     the baseline's catalog (to locate removed topics and name their readers); null for a registry
 * @param topics      per topic name, what the baseline knows of it
 * @param notes       what the baseline could not use (e.g. a committed version that never parsed), for the user
 */
public record Baseline(String description, Catalog catalog, Map<String, BaselineTopic> topics,
    List<String> notes) {

  public Baseline(String description, Catalog catalog, Map<String, BaselineTopic> topics) {
    this(description, catalog, topics, List.of());
  }

  /**
   * @param eventType the event the topic carried, or null when the baseline cannot tell (registry)
   * @param pointer   where the topic is defined in the baseline's catalog, or null
   * @param topic     the baseline catalog's entry (levels, key, wire format), or null for a registry
   * @param versions  per format, earlier versions oldest first
   */
  public record BaselineTopic(String name, String eventType, String pointer, Topic topic,
      Map<SchemaFormat, List<SchemaVersion>> versions) {
    public List<SchemaVersion> versions(SchemaFormat format) {
      return versions.getOrDefault(format, List.of());
    }
  }
}
