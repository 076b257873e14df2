package io.github.eventcontracts.model;

import java.time.Duration;
import java.util.Map;

/**
 * A Kafka topic as the catalog describes it: one event type, its key, its settings and its schemas.
 *
 * @param name              the topic name, e.g. {@code skill.created}
 * @param eventType         the {@code event_type} its messages carry
 * @param description       one line saying when it is published
 * @param keyField          the field under {@code data} whose value is the message key (the aggregate id)
 * @param partitions        number of partitions
 * @param replicationFactor replication factor
 * @param retention         how long messages are kept ({@code retention.ms})
 * @param wireFormat        the format producers write; its subject is {@code <topic>-value}
 * @param compatibility     the compatibility level of each format's subject
 * @param schemaPaths       each format's schema file, relative to the catalog's folder
 * @param minInsyncReplicas {@code min.insync.replicas}: how many replicas (leader included) must hold a write
 *                          before a producer with {@code acks=all} is answered; at most the replication factor
 * @param uncleanLeaderElectionEnable {@code unclean.leader.election.enable}: whether a replica that is not in
 *                          sync may become leader (and lose acknowledged writes); false keeps them
 */
public record Topic(
    String name,
    String eventType,
    String description,
    String keyField,
    int partitions,
    short replicationFactor,
    Duration retention,
    SchemaFormat wireFormat,
    Map<SchemaFormat, CompatibilityLevel> compatibility,
    Map<SchemaFormat, String> schemaPaths,
    int minInsyncReplicas,
    boolean uncleanLeaderElectionEnable) {

  public Topic {
    compatibility = Map.copyOf(compatibility);
    schemaPaths = Map.copyOf(schemaPaths);
  }

  /**
   * The catalog's rule when neither the topic nor {@code defaults} sets {@code min_insync_replicas}:
   * {@code max(1, replicationFactor - 1)}, i.e. 2 for replication 3 (writes go on with one replica down, and an
   * acknowledged write is on at least two brokers), 1 for replication 1 or 2.
   */
  public static int defaultMinInsyncReplicas(int replicationFactor) {
    return Math.max(1, replicationFactor - 1);
  }

  public long retentionMs() {
    return retention.toMillis();
  }

  public CompatibilityLevel compatibility(SchemaFormat format) {
    return compatibility.get(format);
  }

  public String schemaPath(SchemaFormat format) {
    return schemaPaths.get(format);
  }
}
