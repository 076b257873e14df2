package io.github.eventcontracts.tooling.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.tooling.TestRepo;
import io.github.eventcontracts.tooling.topics.TopicPlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `contracts topics` against the real KRaft broker of the local stack. */
@ExtendWith(LocalStack.class)
class TopicsIT {
  @TempDir
  Path tmp;

  @Test
  void createsTopicsAsTheCatalogSaysThenChangesNothingThenRefusesADecrease() throws Exception {
    TestRepo repo = Topics.uniqueTopics(new TestRepo(tmp));
    String t = Topics.prefix(repo);

    TestRepo.Run noOverride = repo.contracts("topics", "--bootstrap-servers", LocalStack.BOOTSTRAP, "--dry-run");
    if (LocalStack.brokers() < 3) {
      assertEquals(100, noOverride.exit(), "replication 3 on one broker must be refused, not downgraded: " + noOverride.out());
      assertTrue(noOverride.out().contains("--replication-factor-override 1"), noOverride.out());
    } else {
      assertEquals(0, noOverride.exit(), noOverride.out() + noOverride.err());
      assertTrue(noOverride.out().contains("CREATE    partitions 3, replication 3, retention.ms 604800000, "
          + "min.insync.replicas 2, unclean.leader.election.enable false"), noOverride.out());
    }

    // the override lowers min.insync.replicas with it, and says so
    TestRepo.Run first = repo.contracts("topics", "--bootstrap-servers", LocalStack.BOOTSTRAP,
        "--replication-factor-override", "1");
    assertEquals(0, first.exit(), first.out() + first.err());
    assertTrue(first.out().contains("replication factor override 1 applied"), first.out());
    assertTrue(first.out().contains("min.insync.replicas 1 instead of the catalog's 2"), first.out());

    try (Admin admin = Admin.create(TopicPlan.adminProperties(LocalStack.BOOTSTRAP))) {
      Map<String, TopicDescription> d = Faults.describeCreated(admin,
          java.util.List.of(t + "skill.created", t + "validation.completed"));
      assertEquals(3, d.get(t + "skill.created").partitions().size());
      ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, t + "validation.completed");
      Config c = admin.describeConfigs(java.util.List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
      assertEquals(String.valueOf(30L * 24 * 3600 * 1000), c.get("retention.ms").value());
      ConfigResource s = new ConfigResource(ConfigResource.Type.TOPIC, t + "skill.created");
      Config sc = admin.describeConfigs(java.util.List.of(s)).all().get(30, TimeUnit.SECONDS).get(s);
      assertEquals(String.valueOf(7L * 24 * 3600 * 1000), sc.get("retention.ms").value());
      assertEquals("1", sc.get("min.insync.replicas").value());
      assertEquals("false", sc.get("unclean.leader.election.enable").value());
      assertEquals(1, d.get(t + "skill.created").partitions().get(0).replicas().size());
    }

    TestRepo.Run second = repo.contracts("topics", "--bootstrap-servers", LocalStack.BOOTSTRAP,
        "--replication-factor-override", "1");
    assertEquals(0, second.exit(), second.out() + second.err());
    assertTrue(second.out().contains("Nothing to do"), second.out());

    // a durability setting changed in the catalog is planned, shown and applied like retention
    repo.edit("catalog.yaml", "unclean_leader_election_enable: false", "unclean_leader_election_enable: true");
    TestRepo.Run durability = repo.contracts("topics", "--bootstrap-servers", LocalStack.BOOTSTRAP,
        "--replication-factor-override", "1");
    assertEquals(0, durability.exit(), durability.out() + durability.err());
    assertTrue(durability.out().contains("UPDATE") && durability.out().contains("unclean.leader.election.enable false -> true"),
        durability.out());
    try (Admin admin = Admin.create(TopicPlan.adminProperties(LocalStack.BOOTSTRAP))) {
      ConfigResource s = new ConfigResource(ConfigResource.Type.TOPIC, t + "project.completed");
      assertEquals("true", admin.describeConfigs(java.util.List.of(s)).all().get(30, TimeUnit.SECONDS).get(s)
          .get("unclean.leader.election.enable").value());
    }
    repo.edit("catalog.yaml", "unclean_leader_election_enable: true", "unclean_leader_election_enable: false");

    repo.edit("catalog.yaml", "partitions: 3", "partitions: 2");
    TestRepo.Run decrease = repo.contracts("topics", "--bootstrap-servers", LocalStack.BOOTSTRAP,
        "--replication-factor-override", "1");
    assertEquals(100, decrease.exit(), decrease.out() + decrease.err());
    assertTrue(decrease.out().contains("cannot decrease partitions"), decrease.out());
  }

  @Test
  void anOverrideNeverLowersTheDurabilityOfTopicsThatHaveMoreReplicas() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(LocalStack.brokers() >= 3, "needs the 3-broker stack");
    TestRepo repo = Topics.uniqueTopics(new TestRepo(tmp));
    String t = Topics.prefix(repo);
    java.util.List<String> topics = java.util.List.of("skill.created", "skill.updated", "project.generated",
        "project.completed", "validation.completed").stream().map(n -> t + n).toList();
    try {
      TestRepo.Run created = repo.contracts("topics", "--bootstrap-servers", LocalStack.bootstrapServers());
      assertEquals(0, created.exit(), created.out() + created.err());
      // the override is for new topics on a small cluster; pointed at replication-3 topics it is refused, and
      // their min.insync.replicas stays 2 (lowering it would let acks=all succeed on the leader alone)
      TestRepo.Run overridden = repo.contracts("topics", "--bootstrap-servers", LocalStack.bootstrapServers(),
          "--replication-factor-override", "1");
      assertEquals(100, overridden.exit(), overridden.out() + overridden.err());
      assertTrue(overridden.out().contains("replication factor is 3, the override says 1"), overridden.out());
      assertTrue(!overridden.out().contains("min.insync.replicas 2 -> 1"), overridden.out());
      try (Admin admin = Admin.create(TopicPlan.adminProperties(LocalStack.bootstrapServers()))) {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, t + "skill.created");
        assertEquals("2", admin.describeConfigs(java.util.List.of(r)).all().get(30, TimeUnit.SECONDS).get(r)
            .get("min.insync.replicas").value());
      }
    } finally {
      Topics.cleanUp(t, topics);
    }
  }
}
