package io.github.eventcontracts.registry;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach a registry. Credentials come from flags or the environment (REGISTRY_USER,
 * REGISTRY_PASSWORD, REGISTRY_TOKEN) and are never printed: {@link #toString()} redacts them.
 */
public record RegistryConfig(
    String url,
    String user,
    String password,
    String token,
    String trustStore,
    String trustStorePassword,
    String trustStoreType,
    Duration requestTimeout,
    Duration deadline) {

  public static RegistryConfig of(String url) {
    return new RegistryConfig(url, null, null, null, null, null, "PKCS12", Duration.ofSeconds(10), Duration.ofSeconds(60));
  }

  /** Fills credentials and trust store from the environment where not given. */
  public RegistryConfig withEnvironment(Map<String, String> env) {
    return new RegistryConfig(url,
        user != null ? user : env.get("REGISTRY_USER"),
        password != null ? password : env.get("REGISTRY_PASSWORD"),
        token != null ? token : env.get("REGISTRY_TOKEN"),
        trustStore != null ? trustStore : env.get("REGISTRY_TRUSTSTORE"),
        trustStorePassword != null ? trustStorePassword : env.get("REGISTRY_TRUSTSTORE_PASSWORD"),
        trustStoreType, requestTimeout, deadline);
  }

  public RegistryConfig withDeadline(Duration newDeadline) {
    return new RegistryConfig(url, user, password, token, trustStore, trustStorePassword, trustStoreType,
        requestTimeout.compareTo(newDeadline) > 0 ? newDeadline : requestTimeout, newDeadline);
  }

  Optional<String> authorizationHeader() {
    if (token != null && !token.isBlank()) {
      return Optional.of("Bearer " + token);
    }
    if (user != null && !user.isBlank()) {
      return Optional.of(RegistryClient.basic(user, password == null ? "" : password));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    String auth = token != null ? "bearer ****" : user != null ? "basic " + user + ":****" : "none";
    return "RegistryConfig[url=" + url + ", auth=" + auth + ", trustStore=" + trustStore + "]";
  }
}
