package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.registry.RegistryConfig;
import io.github.eventcontracts.tooling.console.ConsoleProducer;
import io.github.eventcontracts.tooling.console.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "produce", mixinStandardHelpOptions = true,
    description = {"Sends events given as the platform's JSON, one per line, from --file or standard input. Each "
        + "line is validated against its event's contract; a valid one is sent to the catalog's topic for its "
        + "event_type, keyed by the catalog's key, in the topic's wire_format (Avro in the Confluent wire format "
        + "through the registry) unless --format says otherwise. acks=all, idempotent, flushed before exit.",
        "An invalid line is reported on standard error as FILE:LINE: reason (- for standard input), with every "
            + "violation, and not sent; blank lines are skipped. A summary says how many events went to which "
            + "topic. The first broker or registry failure stops the run, saying which lines were sent before it."},
    footer = {"", "Example: scripts/contracts produce --bootstrap-servers 127.0.0.1:19092 "
        + "--registry http://127.0.0.1:18081/apis/ccompat/v7 --file events.jsonl",
        "", "Client security settings come from --command-config; registry credentials from --user/--password or "
        + "--token, or REGISTRY_USER, REGISTRY_PASSWORD, REGISTRY_TOKEN in the environment.",
        "", "Exit codes: 0 every line sent, 100 some lines were invalid (the others were sent), 1 could not send as "
        + "asked (brokers or registry unreachable, a topic missing, a subject not registered, bad arguments)."})
final class ProduceCommand implements Callable<Integer> {
  @Option(names = "--file", paramLabel = "FILE", description = "Read the events from this file. Default: standard input.")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "avro or json: the wire format for every event. Default: each topic's wire_format in the catalog.")
  SchemaFormat format;

  @Option(names = "--dry-run", description = "Validate every line and show where each would go; connect to nothing.")
  boolean dryRun;

  @Mixin
  KafkaOptions.Console connection = new KafkaOptions.Console();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  static final class FormatConverter implements ITypeConverter<SchemaFormat> {
    @Override
    public SchemaFormat convert(String value) {
      try {
        return SchemaFormat.fromKey(value.trim());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown format '" + value + "': use avro or json");
      }
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ContractModel model = connection.repo.loadOrBundled();
    Map<String, Object> props = connection.kafka.clientProperties(spec);
    RegistryConfig registryConfig = null;
    if (!dryRun) {
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.kafka.bootstrap(spec));
      List<String> avroTopics = model.catalog().topics().stream()
          .filter(t -> (format != null ? format : t.wireFormat()) == SchemaFormat.AVRO).map(Topic::name).toList();
      if (connection.registry.given() || !avroTopics.isEmpty()) {
        if (!connection.registry.given()) {
          throw new ParameterException(spec.commandLine(), "no registry: Avro (the wire format of "
              + String.join(", ", avroTopics) + ") needs it: pass --registry URL or set SCHEMA_REGISTRY_URL, "
              + "or send plain JSON with --format json");
        }
        registryConfig = connection.registry.config(spec);
      }
    }
    ConsoleProducer producer = new ConsoleProducer(model, format, props, registryConfig,
        Duration.ofMillis(connection.kafka.brokerTimeoutMs));
    ConsoleProducer.Outcome o;
    String source = file == null ? "-" : file.toString();
    try (InputStream in = file == null ? System.in : Files.newInputStream(file)) {
      o = producer.run(source, in, dryRun, out, err);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read --file " + file + ": " + e.getMessage());
    }
    String invalid = o.invalid() == 0 ? "" : "; " + o.invalid() + " invalid line" + (o.invalid() == 1 ? "" : "s")
        + " not sent (reported above)";
    if (o.dryRun()) {
      out.println("Dry run: " + events(o.sentLines().size()) + " would be sent" + where(o) + invalid + ". Nothing was sent.");
    } else if (o.failure() != null) {
      err.println("contracts: produce stopped" + (o.stoppedAt() > 0 ? " at " + source + ":" + o.stoppedAt() : "") + ": "
          + o.failure());
      err.println("Sent before it stopped: " + (o.sentLines().isEmpty() ? "nothing"
          : events(o.sentLines().size()) + where(o) + ", from line" + (o.sentLines().size() == 1 ? " " : "s ")
              + Text.ranges(o.sentLines()) + " of " + source)
          + (o.failedLines().isEmpty() ? "" : "; not delivered: line" + (o.failedLines().size() == 1 ? " " : "s ")
              + Text.ranges(o.failedLines()))
          + (o.stoppedAt() > 0 ? "; not sent: line " + o.stoppedAt() + " and every line after it" : "") + invalid + ".");
      return Main.BROKEN;
    } else {
      out.println("Sent " + events(o.sentLines().size()) + where(o) + invalid + ".");
    }
    return o.invalid() > 0 ? Main.FINDINGS : Main.OK;
  }

  private static String events(int n) {
    return n + (n == 1 ? " event" : " events");
  }

  /** ": 2 to skill.created (avro), 1 to project.completed (avro)". */
  private static String where(ConsoleProducer.Outcome o) {
    if (o.perTopic().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(":");
    o.perTopic().forEach((topic, n) -> b.append(b.length() > 1 ? ", " : " ").append(n).append(" to ").append(topic)
        .append(" (").append(o.formats().get(topic).key()).append(')'));
    return b.toString();
  }
}
