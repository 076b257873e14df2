package io.github.eventcontracts.model;

import java.util.List;

/**
 * A consumer group and the topics it reads.
 *
 * @param id      the service part of the group id, e.g. {@code gen-service}
 * @param service the service that owns the group
 * @param topics  the topics it subscribes to (every topic when the catalog says {@code all})
 * @param allTopics whether the catalog said {@code all}, so that new topics are read without a change
 */
public record ConsumerGroup(String id, String service, List<String> topics, boolean allTopics) {

  public ConsumerGroup {
    topics = List.copyOf(topics);
  }

  /**
   * The group id to use on a site: {@code <site>-<id>} when a site name is given (the platform's
   * {@code {{SITE_NAME}}-...} convention), the bare id when it is null or blank.
   */
  public String groupId(String siteName) {
    return siteName == null || siteName.isBlank() ? id : siteName.strip() + "-" + id;
  }

  /** The group id for the site named by the {@code SITE_NAME} environment variable, if set. */
  public String groupId() {
    return groupId(System.getenv("SITE_NAME"));
  }
}
