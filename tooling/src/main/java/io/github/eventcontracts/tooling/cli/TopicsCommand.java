package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.model.ConsumerGroup;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.tooling.topics.TopicPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "topics", mixinStandardHelpOptions = true,
    description = {"Creates and configures the catalog's topics with Kafka's AdminClient: missing topics are "
        + "created with the catalog's partitions, replication, retention, min.insync.replicas and "
        + "unclean.leader.election.enable; configs that differ are updated; "
        + "partitions grow only with --increase-partitions; a decrease of partitions or a change of replication "
        + "is refused with the reason. Prints the plan first; a second run changes nothing.",
        "Also lists the consumer group ids the catalog defines (with the site prefix)."},
    footer = {"", "Exit codes: 0 applied (or nothing to do), 100 some changes are refused, 1 the cluster could not "
        + "be used or bad arguments."})
final class TopicsCommand implements Callable<Integer> {
  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", defaultValue = "${env:BOOTSTRAP_SERVERS}",
      description = "Kafka brokers. Default: $BOOTSTRAP_SERVERS.")
  String bootstrap;

  @Option(names = "--dry-run", description = "Print the plan and change nothing.")
  boolean dryRun;

  @Option(names = "--replication-factor-override", paramLabel = "N",
      description = "Use this replication factor for every topic instead of the catalog's (e.g. 1 on a "
          + "single-broker stack); min.insync.replicas is lowered to it where the catalog's is higher. Never applied "
          + "silently.")
  Short replicationOverride;

  @Option(names = "--increase-partitions", description = "Grow topics that have fewer partitions than the catalog says.")
  boolean increasePartitions;

  @Option(names = "--command-config", paramLabel = "FILE",
      description = "AdminClient properties (security.protocol, sasl.*, ssl.*), as for Kafka's own tools.")
  Path commandConfig;

  @Option(names = "--site", paramLabel = "NAME", defaultValue = "${env:SITE_NAME}",
      description = "Site name that prefixes consumer group ids (<site>-<group>). Default: $SITE_NAME.")
  String site;

  @Mixin
  Common.RepoOptions repo = new Common.RepoOptions();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new ParameterException(spec.commandLine(), "no brokers: pass --bootstrap-servers HOST:PORT or set BOOTSTRAP_SERVERS");
    }
    if (replicationOverride != null && replicationOverride < 1) {
      throw new ParameterException(spec.commandLine(), "--replication-factor-override must be 1 or more");
    }
    PrintWriter out = spec.commandLine().getOut();
    ContractModel model = repo.load();
    Map<String, Object> props = TopicPlan.adminProperties(bootstrap);
    props.putAll(KafkaOptions.load(spec, commandConfig));
    try (Admin admin = Admin.create(props)) {
      TopicPlan plan = TopicPlan.plan(model.catalog(), admin, replicationOverride, increasePartitions);
      out.println("Kafka " + bootstrap + (dryRun ? " (dry run: nothing will be changed)" : "")
          + (replicationOverride != null ? " - replication factor override " + replicationOverride + " applied to every "
          + "topic (the catalog's replication and min.insync.replicas are not met: for a single-broker stack only)" : ""));
      for (TopicPlan.Entry e : plan.entries()) {
        out.printf("  %-22s %-9s partitions %d, replication %d, %s%s%n", e.topic().name(), e.action(),
            e.topic().partitions(), e.replication(), configs(e), changes(e));
        e.reasons().forEach(r -> out.println("      " + r));
      }
      out.println("Consumer groups:");
      for (ConsumerGroup g : model.catalog().consumerGroups()) {
        out.printf("  %-22s %-22s reads %s%n", g.groupId(site), g.service(), g.allTopics() ? "all topics" : String.join(", ", g.topics()));
      }
      if (dryRun) {
        out.println("Plan: " + plan.changes() + " topic(s) to change. Dry run: nothing changed.");
        return plan.hasRefusals() ? Main.FINDINGS : Main.OK;
      }
      if (plan.changes() == 0) {
        out.println("Nothing to do: every topic matches the catalog" + (plan.hasRefusals() ? " except what is refused above" : "") + ".");
        return plan.hasRefusals() ? Main.FINDINGS : Main.OK;
      }
      List<String> errors = plan.apply(admin);
      errors.forEach(err -> out.println("  FAILED " + err));
      out.println("Applied: " + plan.changes() + " topic(s) changed.");
      admin.close(Duration.ofSeconds(5));
      return !errors.isEmpty() ? Main.BROKEN : plan.hasRefusals() ? Main.FINDINGS : Main.OK;
    }
  }

  private static String configs(TopicPlan.Entry e) {
    StringBuilder b = new StringBuilder();
    e.configs().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    return b.toString();
  }

  private static String changes(TopicPlan.Entry e) {
    StringBuilder b = new StringBuilder();
    if (e.growPartitions()) {
      b.append("; partitions ").append(e.currentPartitions()).append(" -> ").append(e.topic().partitions());
    }
    e.configChanges().forEach((k, v) -> b.append("; ").append(k).append(' ').append(v[0]).append(" -> ").append(v[1]));
    return b.toString();
  }
}
