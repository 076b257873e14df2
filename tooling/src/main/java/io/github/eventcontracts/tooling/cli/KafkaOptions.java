package io.github.eventcontracts.tooling.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The brokers and the client properties (SASL, TLS) of the commands that produce and consume. */
final class KafkaOptions {
  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", defaultValue = "${env:BOOTSTRAP_SERVERS}",
      description = "Kafka brokers. Default: $BOOTSTRAP_SERVERS.")
  String bootstrap;

  @Option(names = "--command-config", paramLabel = "FILE",
      description = "Client properties (security.protocol, sasl.*, ssl.*), as for Kafka's own tools.")
  Path commandConfig;

  @Option(names = "--broker-timeout-ms", paramLabel = "MS", defaultValue = "30000",
      description = "Give up on unreachable brokers after this long (exit 1). Default: ${DEFAULT-VALUE}.")
  int brokerTimeoutMs;

  /** The brokers; refuses a missing value or a bad timeout. */
  String bootstrap(CommandSpec spec) {
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new ParameterException(spec.commandLine(), "no brokers: pass --bootstrap-servers HOST:PORT or set BOOTSTRAP_SERVERS");
    }
    if (brokerTimeoutMs < 1) {
      throw new ParameterException(spec.commandLine(), "--broker-timeout-ms must be 1 or more");
    }
    return bootstrap;
  }

  /** The properties of --command-config (none when not given). */
  Map<String, Object> clientProperties(CommandSpec spec) {
    return load(spec, commandConfig);
  }

  /** Reads a Kafka client properties file, as Kafka's tools take it with --command-config. */
  static Map<String, Object> load(CommandSpec spec, Path file) {
    Map<String, Object> props = new HashMap<>();
    if (file == null) {
      return props;
    }
    Properties extra = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      extra.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "cannot read --command-config " + file + ": " + e.getMessage());
    }
    extra.forEach((k, v) -> props.put(k.toString(), v));
    return props;
  }

  /** Everything produce and consume connect with: brokers, registry, and the contracts repository. */
  static final class Console {
    @picocli.CommandLine.Mixin
    KafkaOptions kafka = new KafkaOptions();

    @picocli.CommandLine.Mixin
    RegistryOptions registry = new RegistryOptions();

    @picocli.CommandLine.Mixin
    Common.RepoOptions repo = new Common.RepoOptions();
  }
}
