package io.github.eventcontracts.tooling.cli;

import io.github.eventcontracts.registry.RegistryConfig;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The registry's URL, credentials and trust store, for every command that talks to a registry. Credentials
 * fall back to REGISTRY_USER, REGISTRY_PASSWORD and REGISTRY_TOKEN and never appear in output.
 */
final class RegistryOptions {
  @Option(names = "--registry", paramLabel = "URL", defaultValue = "${env:SCHEMA_REGISTRY_URL}",
      description = "The registry's Confluent-compatible API. Default: $SCHEMA_REGISTRY_URL.")
  String url;

  @Option(names = "--user", paramLabel = "USER", description = "Basic auth user. Default: $REGISTRY_USER.")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD", description = "Basic auth password. Default: $REGISTRY_PASSWORD.")
  String password;

  @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token. Default: $REGISTRY_TOKEN.")
  String token;

  @Option(names = "--truststore", paramLabel = "FILE", description = "TLS trust store (PKCS12). Default: $REGISTRY_TRUSTSTORE.")
  String trustStore;

  @Option(names = "--truststore-password", paramLabel = "PASSWORD",
      description = "The trust store's password. Default: $REGISTRY_TRUSTSTORE_PASSWORD.")
  String trustStorePassword;

  @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "60",
      description = "Give up retrying a registry request after this long. Default: ${DEFAULT-VALUE}.")
  int deadlineSeconds;

  boolean given() {
    return url != null && !url.isBlank();
  }

  /** The connection, credentials filled from the environment; refuses a missing or non-HTTP URL. */
  RegistryConfig config(CommandSpec spec) {
    if (!given()) {
      throw new ParameterException(spec.commandLine(), "no registry: pass --registry URL or set SCHEMA_REGISTRY_URL");
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new ParameterException(spec.commandLine(), "--registry '" + url + "' is not an http:// or https:// URL "
          + "(e.g. http://127.0.0.1:18081/apis/ccompat/v7)");
    }
    if (deadlineSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--deadline must be 1 second or more");
    }
    return new RegistryConfig(url, user, password, token, trustStore, trustStorePassword, "PKCS12",
        Duration.ofSeconds(10), Duration.ofSeconds(deadlineSeconds)).withEnvironment(System.getenv());
  }
}
