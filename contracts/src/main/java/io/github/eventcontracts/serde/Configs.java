package io.github.eventcontracts.serde;

import static io.github.eventcontracts.serde.EventSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
import static io.github.eventcontracts.serde.EventSerdeConfig.BASIC_AUTH_USER_INFO;
import static io.github.eventcontracts.serde.EventSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE;
import static io.github.eventcontracts.serde.EventSerdeConfig.BEARER_AUTH_TOKEN;
import static io.github.eventcontracts.serde.EventSerdeConfig.DEFAULT_SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS;
import static io.github.eventcontracts.serde.EventSerdeConfig.DEFAULT_SCHEMA_REGISTRY_TIMEOUT_MS;
import static io.github.eventcontracts.serde.EventSerdeConfig.KEY_SUBJECT_NAME_STRATEGY;
import static io.github.eventcontracts.serde.EventSerdeConfig.SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION;
import static io.github.eventcontracts.serde.EventSerdeConfig.SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD;
import static io.github.eventcontracts.serde.EventSerdeConfig.SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS;
import static io.github.eventcontracts.serde.EventSerdeConfig.SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE;
import static io.github.eventcontracts.serde.EventSerdeConfig.SCHEMA_REGISTRY_TIMEOUT_MS;
import static io.github.eventcontracts.serde.EventSerdeConfig.SCHEMA_REGISTRY_URL;
import static io.github.eventcontracts.serde.EventSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY;

import io.github.eventcontracts.registry.RegistryConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;

/** Reading the serdes' settings out of the client properties Kafka passes to {@code configure}. */
final class Configs {
  private Configs() {}

  static String string(Map<String, ?> configs, String key) {
    Object v = configs.get(key);
    if (v == null) {
      return null;
    }
    String s = v instanceof Class<?> c ? c.getName() : v.toString().strip();
    return s.isEmpty() ? null : s;
  }

  static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
    Object v = configs.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().strip().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new ConfigException(key, v, "expected true or false");
  }

  /** The registry connection: URL, credentials and trust store, in Confluent's property names. */
  static RegistryConfig registry(Map<String, ?> configs) {
    String url = string(configs, SCHEMA_REGISTRY_URL);
    if (url == null) {
      throw new ConfigException(SCHEMA_REGISTRY_URL + " is required: the Confluent-compatible registry API, e.g. "
          + "http://registry:8081 (Confluent) or http://registry:8080/apis/ccompat/v7 (Apicurio)");
    }
    if (url.contains(",")) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, url, "give one registry URL (a load balancer in front of "
          + "several registry nodes, if there are several)");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, url, "not a URL: " + e.getMessage());
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, url, "expected an http:// or https:// URL");
    }

    String user = null;
    String password = null;
    String basicSource = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE);
    String userInfo;
    String urlUserInfo = uri.getUserInfo(); // decoded
    if (basicSource == null) {
      userInfo = string(configs, BASIC_AUTH_USER_INFO) != null ? string(configs, BASIC_AUTH_USER_INFO) : urlUserInfo;
    } else if (basicSource.equalsIgnoreCase("USER_INFO")) {
      userInfo = string(configs, BASIC_AUTH_USER_INFO);
    } else if (basicSource.equalsIgnoreCase("URL")) {
      userInfo = urlUserInfo;
      if (userInfo == null) {
        throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=URL, but " + SCHEMA_REGISTRY_URL
            + " holds no user info (http://user:password@host/...)");
      }
    } else {
      throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, basicSource, "supported: USER_INFO, URL");
    }
    if (uri.getRawUserInfo() != null) {
      // never send (or print) credentials as part of the URL; they travel in the Authorization header
      url = url.replace(uri.getRawUserInfo() + "@", "");
    }
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      password = colon < 0 ? "" : userInfo.substring(colon + 1);
    }

    String bearerSource = string(configs, BEARER_AUTH_CREDENTIALS_SOURCE);
    if (bearerSource != null && !bearerSource.equalsIgnoreCase("STATIC_TOKEN")) {
      throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE, bearerSource,
          "supported: STATIC_TOKEN, with the token in " + BEARER_AUTH_TOKEN);
    }
    String token = string(configs, BEARER_AUTH_TOKEN);

    String trustStoreType = string(configs, SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE);
    RegistryConfig defaults = RegistryConfig.of(url);
    Duration deadline = Duration.ofMillis(millis(configs, SCHEMA_REGISTRY_TIMEOUT_MS, DEFAULT_SCHEMA_REGISTRY_TIMEOUT_MS));
    Duration attempt = Duration.ofMillis(millis(configs, SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS,
        DEFAULT_SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS));
    return new RegistryConfig(url, user, password, token,
        string(configs, SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION),
        string(configs, SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD),
        trustStoreType == null ? defaults.trustStoreType() : trustStoreType,
        attempt, deadline).withDeadline(deadline);
  }

  /** A positive duration in milliseconds (a number or a numeric string), or the fallback when unset. */
  static long millis(Map<String, ?> configs, String key, long fallback) {
    Object v = configs.get(key);
    if (v == null || v.toString().isBlank()) {
      return fallback;
    }
    long ms;
    try {
      ms = v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, v, "expected a whole number of milliseconds");
    }
    if (ms < 1 || ms > Duration.ofHours(1).toMillis()) {
      throw new ConfigException(key, v, "expected milliseconds between 1 and 3600000");
    }
    return ms;
  }

  /** Refuses subject name strategies other than the TopicNameStrategy, which is what is registered. */
  static void requireTopicNameStrategy(Map<String, ?> configs, boolean isKey) {
    String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
    String strategy = string(configs, key);
    if (strategy != null && !strategy.endsWith(".TopicNameStrategy") && !strategy.equals("TopicNameStrategy")) {
      throw new ConfigException(key, strategy, "only the TopicNameStrategy (<topic>-" + (isKey ? "key" : "value")
          + ") is supported: it is the subject scripts/contracts register registers");
    }
  }

  /** The generated event class named by a setting (a class name or a Class), or null when it is unset. */
  static Class<? extends SpecificRecord> eventClass(Map<String, ?> configs, String key) {
    Object v = configs.get(key);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    Class<?> type;
    if (v instanceof Class<?> c) {
      type = c;
    } else {
      String name = v.toString().strip();
      try {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        type = Class.forName(name, true, cl != null ? cl : Configs.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new ConfigException(key, name, "no such class on the classpath");
      }
    }
    return checkEventClass(key, type);
  }

  static Class<? extends SpecificRecord> checkEventClass(String what, Class<?> type) {
    if (!SpecificRecord.class.isAssignableFrom(type) || Bundled.event(type).isEmpty()) {
      throw new ConfigException(what, type.getName(), "not an event class of these contracts; known: "
          + Bundled.knownRecords());
    }
    return type.asSubclass(SpecificRecord.class);
  }
}
