package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.codec.EventJsonCodec;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.tooling.console.ConsoleConsumer;
import io.github.eventcontracts.tooling.console.RecordDecoder;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "consume", mixinStandardHelpOptions = true,
    description = {"Reads records and prints each as one JSON event per line on standard output, exactly as the "
        + "platform's JSON codec writes it, whatever its wire format: a value starting with magic byte 0 is read "
        + "as Confluent Avro through the registry, any other as the platform's plain JSON, validated against its "
        + "contract. Default topics: every topic of the catalog.",
        "A record that cannot be decoded is one line on standard error (topic, partition, offset, reason), and "
            + "reading goes on. Offsets are committed only with --group. Ctrl-C ends cleanly. A summary goes to "
            + "standard error."},
    footer = {"", "With --print-metadata each line is {\"topic\":…,\"partition\":…,\"offset\":…,\"key\":…,"
        + "\"timestamp\":…,\"value\":{the event}} (key as text, timestamp RFC 3339 UTC).",
        "", "Example: scripts/contracts consume skill.created --bootstrap-servers 127.0.0.1:19092 "
        + "--registry http://127.0.0.1:18081/apis/ccompat/v7 --from-beginning --timeout-ms 5000",
        "", "Exit codes: 0 every record read was printed, 100 some records could not be decoded, 1 could not read "
        + "(brokers unreachable, a topic missing, bad arguments)."})
final class ConsumeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TOPIC", arity = "0..*", description = "Topics to read. Default: every topic of the catalog.")
  List<String> topics;

  @Option(names = "--from-beginning", description = "Start at the earliest offset (with --group: when the group has "
      + "no offsets yet). Default: only records that arrive from now on.")
  boolean fromBeginning;

  @Option(names = "--group", paramLabel = "ID", description = "Consume as this consumer group and commit its offsets. "
      + "Default: no group, nothing committed.")
  String group;

  @Option(names = "--max-messages", paramLabel = "N", description = "Stop after N records, decoded or not.")
  Long maxMessages;

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Stop after MS milliseconds without a record. "
      + "Default: wait until Ctrl-C.")
  Long timeoutMs;

  @Option(names = "--print-metadata", description = "Print topic, partition, offset, key and timestamp with each event.")
  boolean printMetadata;

  @Mixin
  KafkaOptions.Console connection = new KafkaOptions.Console();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (maxMessages != null && maxMessages < 1) {
      throw new ParameterException(spec.commandLine(), "--max-messages must be 1 or more");
    }
    if (timeoutMs != null && timeoutMs < 1) {
      throw new ParameterException(spec.commandLine(), "--timeout-ms must be 1 or more");
    }
    if (group != null && group.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--group must not be empty");
    }
    Map<String, Object> props = connection.kafka.clientProperties(spec);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.kafka.bootstrap(spec));
    RegistryClient registryClient = connection.registry.given() ? new RegistryClient(connection.registry.config(spec)) : null;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ContractModel model = connection.repo.loadOrBundled();
    boolean given = topics != null && !topics.isEmpty();
    List<String> names = given ? List.copyOf(topics) : model.catalog().topics().stream().map(Topic::name).toList();

    RecordDecoder decoder = new RecordDecoder(new EventJsonCodec(model), registryClient);
    ConsoleConsumer consumer = new ConsoleConsumer(props, Duration.ofMillis(connection.kafka.brokerTimeoutMs), decoder);
    ConsoleConsumer.Options options = new ConsoleConsumer.Options(names, given, fromBeginning, group,
        maxMessages == null ? 0 : maxMessages, timeoutMs == null ? null : Duration.ofMillis(timeoutMs), printMetadata);
    // Ctrl-C (or SIGTERM): wake the consumer, then let this thread print its summary before the JVM halts
    CountDownLatch reported = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> {
      consumer.stop(Duration.ofSeconds(10));
      try {
        reported.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "contracts-consume-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      return report(consumer.run(options, out, err), err);
    } finally {
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running and has seen the summary
      }
    }
  }

  private int report(ConsoleConsumer.Outcome o, PrintWriter err) {
    if (o.failure() != null) {
      if (o.read() > 0) {
        err.println("Read " + o.read() + (o.read() == 1 ? " record" : " records") + " before it stopped: "
            + (o.read() - o.undecodable()) + " printed, " + o.undecodable() + " could not be decoded.");
      }
      err.println("contracts: " + o.failure());
      return Main.BROKEN;
    }
    err.println("Read " + o.read() + (o.read() == 1 ? " record" : " records") + ": " + (o.read() - o.undecodable())
        + " printed, " + o.undecodable() + " could not be decoded" + (o.interrupted() ? " (stopped)" : "")
        + (group != null ? "; offsets committed for group " + group : "") + ".");
    return o.undecodable() > 0 ? Main.FINDINGS : Main.OK;
  }
}
