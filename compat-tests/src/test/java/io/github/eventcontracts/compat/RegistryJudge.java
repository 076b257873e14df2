package io.github.eventcontracts.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.model.CompatibilityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The registry as a judge of one pair of schema versions: a fresh subject at the level, the previous version
 * registered, then the current one. Raw HTTP rather than the contracts' RegistryClient, which retries 5xx and
 * turns answers into exceptions: here the status code itself is the verdict.
 */
final class RegistryJudge {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the registry answered: {@code status} 200 (compatible), 409 (incompatible) or anything else (it
   * cannot judge; see {@link #judged()}), the registry's message (the subject's name replaced by {@code <subject>}, so that equal
   * causes group together), and which registration it answered ({@code previous} fails only when the
   * registry refuses the schema itself).
   */
  record Answer(int status, String message, String version) {
    /**
     * A verdict: 200, or a 409 that says the schema is incompatible (Apicurio: "Incompatible artifact: ...",
     * Confluent: "Schema being registered is incompatible ..."); another 409 ("already exists") is a conflict.
     */
    boolean judged() {
      return status == 200 || status == 409 && message.contains("ncompatible");
    }

    boolean compatible() {
      return status == 200;
    }

    /** The answer in a line: {@code HTTP 500 on the current version: #: could not determine version}. */
    String cause() {
      return "HTTP " + status + " on the " + version + " version: " + message;
    }
  }

  private final String registry;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  RegistryJudge(String registry) {
    this.registry = registry;
  }

  /** The registry's version, e.g. {@code 2.4.2.Final} (Apicurio's own API beside ccompat), or "unknown". */
  String version() {
    String info = registry.replaceFirst("/apis/ccompat/v7/?$", "/apis/registry/v2/system/info");
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(info)).GET());
    return r.statusCode() == 200 ? json(r.body()).path("name").asText() + " " + json(r.body()).path("version").asText()
        : "unknown (" + info + ": HTTP " + r.statusCode() + ")";
  }

  /** Judges current after previous at the level on a subject of its own, and deletes the subject. */
  Answer judge(String subject, CompatibilityLevel level, String schemaType, String previous, String current) {
    String url = subjectUrl(subject);
    try {
      HttpResponse<String> config = write("PUT", registry + "/config/" + URLEncoder.encode(subject, StandardCharsets.UTF_8),
          JSON.createObjectNode().put("compatibility", level.name()).toString());
      if (config.statusCode() != 200) {
        throw new IllegalStateException("PUT /config/" + subject + ": HTTP " + config.statusCode() + " " + config.body());
      }
      Answer first = register(subject, schemaType, previous, "previous");
      return first.compatible() ? register(subject, schemaType, current, "current") : first;
    } finally {
      send(HttpRequest.newBuilder(URI.create(url)).DELETE());
      send(HttpRequest.newBuilder(URI.create(url + "?permanent=true")).DELETE());
    }
  }

  private Answer register(String subject, String schemaType, String schema, String version) {
    String body = JSON.createObjectNode().put("schemaType", schemaType).put("schema", schema).toString();
    HttpResponse<String> r = write("POST", subjectUrl(subject) + "/versions", body);
    String message = r.statusCode() == 200 ? "" : json(r.body()).path("message").asText(r.body());
    return new Answer(r.statusCode(), message.replace(subject, "<subject>"), version);
  }

  private String subjectUrl(String subject) {
    return registry + "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> write(String method, String url, String body) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", CONTENT_TYPE)
        .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("registry " + registry + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }
}
