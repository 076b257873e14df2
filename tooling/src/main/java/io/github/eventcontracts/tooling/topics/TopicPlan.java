package io.github.eventcontracts.tooling.topics;

import io.github.eventcontracts.model.Catalog;
import io.github.eventcontracts.model.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What provisioning the catalog's topics would do to a cluster, worked out with reads only (Kafka's
 * AdminClient); {@link #apply} makes exactly the changes listed. Partitions can only grow, and only when
 * asked; replication is never changed; both are refused with the reason.
 */
public final class TopicPlan {
  private static final long TIMEOUT_S = 30;

  public enum Action { CREATE, UPDATE, UNCHANGED, REFUSED }

  /**
   * @param topic             the catalog's topic
   * @param action            what happens
   * @param replication       the replication factor used (the catalog's, or the explicit override)
   * @param currentPartitions partitions now (0 when the topic does not exist)
   * @param growPartitions    whether partitions are increased
   * @param configs           the topic configs the catalog wants (retention and durability), as set on the topic
   * @param configChanges     config key to (current, wanted) values that will be set
   * @param reasons           why a change is refused, or notes on what is left alone or adjusted
   */
  public record Entry(Topic topic, Action action, short replication, int currentPartitions, boolean growPartitions,
      Map<String, String> configs, Map<String, String[]> configChanges, List<String> reasons) {}

  private final List<Entry> entries;

  private TopicPlan(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  public boolean hasRefusals() {
    return entries.stream().anyMatch(e -> e.action() == Action.REFUSED);
  }

  /** Topics {@link #apply} changes: created, updated, and refused ones whose configs are still corrected. */
  public int changes() {
    return (int) entries.stream().filter(e -> e.action() == Action.CREATE || e.action() == Action.UPDATE
        || !e.configChanges().isEmpty()).count();
  }

  /**
   * The settings the catalog wants on a topic created with replication {@code rf}: retention and durability.
   * {@code min.insync.replicas} never exceeds {@code rf} (a replication override on a small cluster lowers
   * it too), or every write with acks=all would fail.
   */
  static Map<String, String> wantedConfigs(Topic t, short rf) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(t.retentionMs()));
    m.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(Math.min(t.minInsyncReplicas(), rf)));
    m.put(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, Boolean.toString(t.uncleanLeaderElectionEnable()));
    return m;
  }

  /** The note shown when the replication override lowers the catalog's min.insync.replicas. */
  private static Optional<String> minInsyncNote(Topic t, short rf) {
    return t.minInsyncReplicas() <= rf ? Optional.empty()
        : Optional.of("min.insync.replicas " + rf + " instead of the catalog's " + t.minInsyncReplicas()
            + ": it cannot exceed the replication factor override " + rf
            + " (acks=all then waits for the leader alone; a lost broker can lose acknowledged events)");
  }

  /**
   * @param replicationOverride an explicit replication factor for every topic (e.g. 1 on a single-broker
   *                            stack), or null to use the catalog's
   * @param increasePartitions  whether to grow topics that have fewer partitions than the catalog says
   */
  public static TopicPlan plan(Catalog catalog, Admin admin, Short replicationOverride, boolean increasePartitions)
      throws InterruptedException {
    try {
      int brokers = admin.describeCluster().nodes().get(TIMEOUT_S, TimeUnit.SECONDS).size();
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
      List<String> present = catalog.topics().stream().map(Topic::name).filter(existing::contains).toList();
      Map<String, TopicDescription> descriptions = present.isEmpty() ? Map.of()
          : admin.describeTopics(present).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS);
      Map<ConfigResource, Config> configs = present.isEmpty() ? Map.of()
          : admin.describeConfigs(present.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList())
              .all().get(TIMEOUT_S, TimeUnit.SECONDS);
      List<Entry> out = new ArrayList<>();
      for (Topic t : catalog.topics()) {
        short rf = replicationOverride != null ? replicationOverride : t.replicationFactor();
        List<String> reasons = new ArrayList<>();
        TopicDescription d = descriptions.get(t.name());
        if (d == null) {
          Map<String, String> wanted = wantedConfigs(t, rf);
          minInsyncNote(t, rf).ifPresent(reasons::add);
          if (rf > brokers) {
            reasons.add("replication factor " + rf + " needs " + rf + " brokers, the cluster has " + brokers
                + (replicationOverride == null ? "; on a single-broker stack pass --replication-factor-override 1" : ""));
            out.add(new Entry(t, Action.REFUSED, rf, 0, false, wanted, Map.of(), reasons));
          } else {
            out.add(new Entry(t, Action.CREATE, rf, 0, false, wanted, Map.of(), reasons));
          }
          continue;
        }
        int partitions = d.partitions().size();
        int currentRf = d.partitions().get(0).replicas().size();
        boolean refused = false;
        boolean grow = false;
        if (partitions > t.partitions()) {
          refused = true;
          reasons.add("has " + partitions + " partitions, the catalog says " + t.partitions()
              + ": Kafka cannot decrease partitions (it would reorder keys); raise the catalog's count, or recreate "
              + "the topic by hand after draining it");
        } else if (partitions < t.partitions()) {
          if (increasePartitions) {
            grow = true;
          } else {
            refused = true;
            reasons.add("has " + partitions + " partitions, the catalog says " + t.partitions()
                + ": pass --increase-partitions to grow it (keys will map to other partitions from then on)");
          }
        }
        if (currentRf != rf) {
          refused = true;
          reasons.add("replication factor is " + currentRf + ", the " + (replicationOverride != null ? "override" : "catalog")
              + " says " + rf + ": this tool does not reassign replicas; use kafka-reassign-partitions");
        }
        // replication is never changed here, so the configs follow the replicas the topic has: min.insync.replicas
        // is neither set above them nor lowered because an override (meant for new topics) is smaller
        Map<String, String> wanted = wantedConfigs(t, (short) currentRf);
        if (currentRf < t.minInsyncReplicas()) {
          reasons.add("min.insync.replicas kept at " + wanted.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)
              + " while the topic has " + currentRf + " replica(s)");
        }
        Map<String, String[]> changes = new LinkedHashMap<>();
        Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t.name()));
        for (var w : wanted.entrySet()) {
          ConfigEntry entry = c == null ? null : c.get(w.getKey());
          String now = entry == null ? null : entry.value();
          if (!w.getValue().equals(now)) {
            changes.put(w.getKey(), new String[] {now, w.getValue()});
          }
        }
        Action action = refused ? Action.REFUSED : grow || !changes.isEmpty() ? Action.UPDATE : Action.UNCHANGED;
        out.add(new Entry(t, action, rf, partitions, grow, wanted, changes, reasons));
      }
      return new TopicPlan(out);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the cluster's topics: " + cause(e)
          + ". Check --bootstrap-servers and that the broker is up.", e);
    }
  }

  /**
   * Makes the plan's changes. A REFUSED topic is left alone, but its settings that can safely be changed
   * (configs) are still applied.
   */
  public List<String> apply(Admin admin) throws InterruptedException {
    List<String> errors = new ArrayList<>();
    List<NewTopic> create = new ArrayList<>();
    Map<String, NewPartitions> grow = new HashMap<>();
    Map<ConfigResource, Collection<AlterConfigOp>> alter = new HashMap<>();
    for (Entry e : entries) {
      switch (e.action()) {
        case CREATE -> create.add(new NewTopic(e.topic().name(), e.topic().partitions(), e.replication())
            .configs(e.configs()));
        case UPDATE, REFUSED -> {
          if (e.growPartitions()) {
            grow.put(e.topic().name(), NewPartitions.increaseTo(e.topic().partitions()));
          }
          if (!e.configChanges().isEmpty()) {
            List<AlterConfigOp> ops = new ArrayList<>();
            e.configChanges().forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v[1]), AlterConfigOp.OpType.SET)));
            alter.put(new ConfigResource(ConfigResource.Type.TOPIC, e.topic().name()), ops);
          }
        }
        default -> { }
      }
    }
    try {
      if (!create.isEmpty()) {
        admin.createTopics(create).values().forEach((name, f) -> await(f, "create " + name, errors));
        awaitVisible(admin, create.stream().map(NewTopic::name).toList(), errors);
      }
      if (!grow.isEmpty()) {
        admin.createPartitions(grow).values().forEach((name, f) -> await(f, "grow " + name, errors));
      }
      if (!alter.isEmpty()) {
        admin.incrementalAlterConfigs(alter).values().forEach((r, f) -> await(f, "configure " + r.name(), errors));
      }
    } catch (RuntimeException e) {
      errors.add(e.getMessage());
    }
    return errors;
  }

  /**
   * A created topic reaches each broker's metadata a moment after the controller commits it; until then a
   * broker calls it unknown, and a plan made right after (the next run of {@code topics}) would try to create
   * it again. So "created" is reported once the topics are described, within the usual timeout.
   */
  private static void awaitVisible(Admin admin, List<String> names, List<String> errors) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
    while (true) {
      try {
        admin.describeTopics(names).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
          errors.add("describe the created topics " + names + ": " + cause(e));
          return;
        }
      } catch (TimeoutException e) {
        errors.add("describe the created topics " + names + ": " + cause(e));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        errors.add("describe the created topics: interrupted");
        return;
      }
      if (System.nanoTime() > deadline) {
        errors.add("the created topics " + names + " were still unknown to the brokers after " + TIMEOUT_S + " s");
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        errors.add("describe the created topics: interrupted");
        return;
      }
    }
  }

  private static void await(org.apache.kafka.common.KafkaFuture<Void> f, String what, List<String> errors) {
    try {
      f.get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      errors.add(what + ": " + cause(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      errors.add(what + ": interrupted");
    }
  }

  private static String cause(Exception e) {
    Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
  }

  /** Map of properties for an AdminClient. */
  public static Map<String, Object> adminProperties(String bootstrapServers) {
    Map<String, Object> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrapServers);
    p.put("request.timeout.ms", 15000);
    p.put("default.api.timeout.ms", 30000);
    p.put("client.id", "event-contracts-topics");
    return p;
  }
}
