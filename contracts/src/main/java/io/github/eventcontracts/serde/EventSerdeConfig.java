package io.github.eventcontracts.serde;

/**
 * The configuration keys the serdes read from the producer's or consumer's properties. The names are
 * Confluent's, so that a service moving between Confluent's serdes and these keeps its properties.
 * Keys not listed here are ignored (Kafka passes every client property to the serdes).
 */
public final class EventSerdeConfig {
  private EventSerdeConfig() {}

  /**
   * Required for the Avro serdes: the Confluent-compatible registry API, e.g. {@code http://registry:8081} or
   * Apicurio's {@code http://registry:8080/apis/ccompat/v7}. One URL.
   */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /**
   * {@code true} lets the Avro serializer register the event's schema under the subject when it is missing.
   * Default {@code false}: subjects are registered, with the catalog's compatibility level, by
   * {@code scripts/contracts register}, and the serializer only looks the schema's id up.
   */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /** Where basic-auth credentials come from: {@code USER_INFO} (the default) or {@code URL} (user info in the URL). */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

  /** Basic-auth credentials for the registry, {@code user:password}. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /** Where the bearer token comes from: only {@code STATIC_TOKEN} (the default) is supported. */
  public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";

  /** A bearer token for the registry; takes precedence over basic auth. */
  public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";

  /** A trust store (PKCS12 unless the type says otherwise) for a registry behind TLS with a private CA. */
  public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";

  /** The trust store's password. */
  public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";

  /** The trust store's type, default {@code PKCS12}. */
  public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

  /**
   * The longest one registry lookup may take, in milliseconds, retries included (connection errors and 5xx
   * are retried with backoff): a record whose schema id the deserializer has not met, or an event whose id the
   * serializer has not looked up, fails with a {@code SerializationException} after at most this long when
   * the registry is down or hangs. Ids already met are served from the cache and never wait. Default
   * {@value #DEFAULT_SCHEMA_REGISTRY_TIMEOUT_MS} (30 s): well inside a consumer's {@code max.poll.interval.ms}
   * (5 min) and a producer's {@code max.block.ms} is not involved (serialization happens before it).
   */
  public static final String SCHEMA_REGISTRY_TIMEOUT_MS = "schema.registry.timeout.ms";

  /** Default of {@link #SCHEMA_REGISTRY_TIMEOUT_MS}. */
  public static final int DEFAULT_SCHEMA_REGISTRY_TIMEOUT_MS = 30_000;

  /**
   * The longest one HTTP attempt may take, in milliseconds: connecting and waiting for the answer (a frozen
   * registry accepts connections and never answers). Default {@value #DEFAULT_SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS};
   * never more than {@link #SCHEMA_REGISTRY_TIMEOUT_MS}.
   */
  public static final String SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  /** Default of {@link #SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS}. */
  public static final int DEFAULT_SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS = 10_000;

  /**
   * Subject naming for values. Only the TopicNameStrategy ({@code <topic>-value}) is supported, which is
   * what {@code scripts/contracts register} registers; any other strategy is refused at configure time.
   */
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  /** Subject naming for keys: only the TopicNameStrategy ({@code <topic>-key}). */
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

  /**
   * The generated class the Avro deserializer reads values into (a class name or a {@code Class}). When
   * unset it reads each record into the class of its writer schema's event.
   */
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

  /** As {@link #SPECIFIC_AVRO_VALUE_TYPE}, for a deserializer configured as a key deserializer. */
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";

  /**
   * The generated class the JSON deserializer reads values into (a class name or a {@code Class}); a
   * payload of another event type is then rejected. When unset it dispatches on {@code event_type}.
   */
  public static final String JSON_VALUE_TYPE = "json.value.type";

  /** As {@link #JSON_VALUE_TYPE}, for a deserializer configured as a key deserializer. */
  public static final String JSON_KEY_TYPE = "json.key.type";
}
