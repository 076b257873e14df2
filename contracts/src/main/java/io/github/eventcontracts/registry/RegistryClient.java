package io.github.eventcontracts.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client for the Confluent Schema Registry REST API, as served by Confluent, Apicurio's ccompat API,
 * Karapace and Redpanda. Retries connection errors and 5xx with exponential backoff within an overall
 * deadline; reports 401, 403, 404, 409 and 422 as what they mean, with the registry's own message.
 * Thread-safe: one client may be shared by every producer and consumer of a process.
 */
public final class RegistryClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  /** The largest response body read from a registry; a larger one is refused, not retried. */
  public static final long MAX_RESPONSE_BYTES = 8L * 1024 * 1024;
  /** The (encoded) subject of a request path: {@code /subjects/<s>...} or {@code /compatibility/subjects/<s>...}. */
  private static final Pattern SUBJECT_IN_PATH = Pattern.compile("^(?:/compatibility)?/subjects/([^/?]+)");
  private static final BoundedBody BODY = new BoundedBody(MAX_RESPONSE_BYTES);

  private final URI base;
  private final RegistryConfig config;
  private final HttpClient http;
  private final AtomicInteger writes = new AtomicInteger();

  /** A registered schema version. */
  public record Registered(String subject, int version, int id, String schemaType, String schema) {}

  /** The registry's verdict on a candidate schema. */
  public record Compatibility(boolean compatible, List<String> messages) {}

  public RegistryClient(RegistryConfig config) {
    this.config = config;
    String url = config.url().endsWith("/") ? config.url().substring(0, config.url().length() - 1) : config.url();
    this.base = URI.create(url);
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(config.requestTimeout());
    if (config.trustStore() != null) {
      b.sslContext(sslContext(config));
    }
    this.http = b.build();
  }

  /** The registry's URL, without credentials. */
  public String url() {
    return base.toString();
  }

  /** How many write requests (POST/PUT/DELETE) this client has sent. */
  public int writes() {
    return writes.get();
  }

  public List<String> subjects() {
    List<String> out = new ArrayList<>();
    send("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The subject's versions, oldest first; empty when the registry does not know the subject. */
  public List<Integer> versions(String subject) {
    try {
      List<Integer> out = new ArrayList<>();
      send("GET", "/subjects/" + enc(subject) + "/versions", null).forEach(n -> out.add(n.asInt()));
      return out;
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  public Registered version(String subject, int version) {
    JsonNode n = send("GET", "/subjects/" + enc(subject) + "/versions/" + version, null);
    return registered(subject, n);
  }

  /** The version of {@code subject} that holds exactly this schema, if any (no write). */
  public Optional<Registered> lookup(String subject, String schema, String schemaType) {
    try {
      return Optional.of(registered(subject, send("POST", "/subjects/" + enc(subject), body(schema, schemaType), false)));
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The schema registered under a global id ({@code GET /schemas/ids/{id}}), as the registry holds it.
   * Nothing is cached here: callers that read often (the serdes) keep their own cache.
   *
   * @throws RegistryException with status 404 when the registry knows no schema with this id
   */
  public String schemaById(int id) {
    return send("GET", "/schemas/ids/" + id, null).path("schema").asText();
  }

  /** Registers the schema under the subject; returns its global id. */
  public int register(String subject, String schema, String schemaType) {
    return send("POST", "/subjects/" + enc(subject) + "/versions", body(schema, schemaType)).path("id").asInt();
  }

  /** Asks whether the schema may be registered under the subject at its current level (no write). */
  public Compatibility testCompatibility(String subject, String schema, String schemaType) {
    JsonNode n = send("POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest?verbose=true",
        body(schema, schemaType), false);
    List<String> messages = new ArrayList<>();
    n.path("messages").forEach(m -> messages.add(m.asText()));
    return new Compatibility(n.path("is_compatible").asBoolean(false), messages);
  }

  /** The subject's own compatibility level, if one is set. */
  public Optional<String> subjectLevel(String subject) {
    try {
      JsonNode n = send("GET", "/config/" + enc(subject), null);
      String level = n.has("compatibilityLevel") ? n.get("compatibilityLevel").asText() : n.path("compatibility").asText(null);
      return Optional.ofNullable(level);
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  public void setSubjectLevel(String subject, String level) {
    ObjectNode b = MAPPER.createObjectNode().put("compatibility", level);
    send("PUT", "/config/" + enc(subject), b.toString());
  }

  private static Registered registered(String subject, JsonNode n) {
    return new Registered(n.path("subject").asText(subject), n.path("version").asInt(), n.path("id").asInt(),
        n.path("schemaType").asText("AVRO"), n.path("schema").asText());
  }

  private static String body(String schema, String schemaType) {
    ObjectNode b = MAPPER.createObjectNode().put("schema", schema);
    if (!"AVRO".equals(schemaType)) {
      b.put("schemaType", schemaType);
    }
    return b.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode send(String method, String path, String body) {
    return send(method, path, body, !method.equals("GET"));
  }

  private JsonNode send(String method, String path, String body, boolean isWrite) {
    Instant deadline = Instant.now().plus(config.deadline());
    Duration backoff = Duration.ofMillis(200);
    String what = method + " " + base + path;
    for (int attempt = 1; ; attempt++) {
      // each attempt gets what is left of the deadline at most, so that one call never outlasts it
      Duration left = Duration.between(Instant.now(), deadline);
      Duration attemptTimeout = left.compareTo(config.requestTimeout()) < 0 ? left : config.requestTimeout();
      if (attemptTimeout.toMillis() < 1) {
        attemptTimeout = Duration.ofMillis(1);
      }
      HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(attemptTimeout)
          .header("Accept", CONTENT_TYPE + ", application/json");
      config.authorizationHeader().ifPresent(h -> rb.header("Authorization", h));
      if (body != null) {
        rb.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
      } else {
        rb.method(method, HttpRequest.BodyPublishers.noBody());
      }
      String failure;
      try {
        if (isWrite) {
          writes.incrementAndGet();
        }
        HttpResponse<String> r = exchange(rb.build(), attemptTimeout);
        int status = r.statusCode();
        if (status < 300) {
          return json(what, status, r.body());
        }
        if (status < 500) {
          throw error(what, status, r.body());
        }
        String message = registryMessage(r.body());
        if (message.contains("could not determine version")) {
          throw new RegistryException(status, 0, what + ": the registry answered HTTP " + status + " \"" + message
              + "\" (a deterministic answer, not retried): " + undeterminedDraft(path));
        }
        failure = "HTTP " + status + " " + message;
      } catch (BoundedBody.TooLarge e) {
        throw new RegistryException(0, 0, what + ": " + e.getMessage());
      } catch (IOException e) {
        failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(0, 0, what + " was interrupted");
      }
      if (Instant.now().plus(backoff).isAfter(deadline)) {
        throw new RegistryException(0, 0, what + " failed after " + attempt + " attempt(s) within "
            + config.deadline().toMillis() + " ms; last error: " + failure
            + ". Check that the registry is running and reachable at " + base + ".");
      }
      try {
        Thread.sleep(backoff.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(0, 0, what + " was interrupted");
      }
      backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
    }
  }

  /**
   * One HTTP exchange, the body included, within {@code timeout}: {@link HttpRequest#timeout} bounds only the
   * wait for the response headers, so a registry that then trickles its body a byte at a time would otherwise
   * hold the caller (a consumer's poll) for as long as it likes.
   */
  /**
   * What Apicurio Registry 2.x's "could not determine version" means and what to do: its JSON Schema checker
   * reads drafts 04, 06 and 07 only, so a subject holding a draft 2019-09 or 2020-12 version (the contracts were
   * published as 2020-12 before they moved to draft-07) can never take another version.
   */
  private String undeterminedDraft(String path) {
    Matcher m = SUBJECT_IN_PATH.matcher(path);
    String subject = m.find() ? base + "/subjects/" + m.group(1) : base + "/subjects/<subject>";
    return "the registry cannot read the JSON Schema draft of this subject's registered versions (Apicurio Registry 2.x "
        + "judges drafts 04, 06 and 07 only; versions registered before the contracts moved to draft-07 declare "
        + "draft 2020-12). Nothing was written to this subject. Drop the subject's old versions and register again: curl -X DELETE "
        + subject + " && curl -X DELETE '" + subject + "?permanent=true' (a JSON subject's ids are on no record: "
        + "the JSON serdes write plain JSON), then run scripts/provision again; or, on the local stack, start from "
        + "an empty registry with scripts/stack down --purge (which drops the Avro ids too)";
  }

  private HttpResponse<String> exchange(HttpRequest request, Duration timeout) throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<String>> f = http.sendAsync(request, BODY);
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new java.net.http.HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
        if (c instanceof BoundedBody.TooLarge tooLarge) {
          throw tooLarge;
        }
      }
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      throw new IOException(c == null ? e.toString() : c.toString(), c);
    }
  }

  /** A successful answer's body as JSON; one that is not JSON is an error at once (retrying cannot fix it). */
  private static JsonNode json(String what, int status, String body) {
    if (body == null || body.isBlank()) {
      return MAPPER.nullNode();
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException | RuntimeException e) {
      throw new RegistryException(status, 0, what + ": the registry answered HTTP " + status + " with a body that is "
          + "not JSON (" + e.getClass().getSimpleName() + "): check that the URL is a Confluent-compatible API. "
          + "Body starts: " + (body.length() > 120 ? body.substring(0, 120) + "..." : body));
    }
  }

  private static String registryMessage(String body) {
    try {
      JsonNode n = MAPPER.readTree(body);
      return n.path("message").asText(body);
    } catch (IOException | RuntimeException e) {
      return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
  }

  private static RegistryException error(String what, int status, String body) {
    int code = 0;
    try {
      code = MAPPER.readTree(body).path("error_code").asInt(0);
    } catch (IOException | RuntimeException ignored) {
      // not JSON: the message below quotes the body
    }
    String reg = registryMessage(body);
    String meaning = switch (status) {
      case 401 -> "the registry rejected the credentials (401). Set REGISTRY_USER and REGISTRY_PASSWORD, or "
          + "REGISTRY_TOKEN, or pass --user/--token";
      case 403 -> "the credentials are not allowed to do this (403): ask the registry's admin for write access "
          + "to the subject";
      case 404 -> "not found (404): check the registry URL (Apicurio serves the API under /apis/ccompat/v7)";
      case 409 -> "the registry refuses the schema as incompatible with an earlier version (409)";
      case 422 -> "the registry says the schema or the request is invalid (422)";
      default -> "the registry answered HTTP " + status;
    };
    return new RegistryException(status, code, what + ": " + meaning + ". Registry says: " + reg);
  }

  private static SSLContext sslContext(RegistryConfig config) {
    try (InputStream in = Files.newInputStream(Path.of(config.trustStore()))) {
      KeyStore ks = KeyStore.getInstance(config.trustStoreType());
      ks.load(in, config.trustStorePassword() == null ? null : config.trustStorePassword().toCharArray());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (Exception e) {
      throw new RegistryException(0, 0, "cannot load the trust store " + config.trustStore() + ": " + e.getMessage());
    }
  }

  /** Basic auth header value for user and password. */
  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
