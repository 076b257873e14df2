package io.github.eventcontracts.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny in-process Confluent-compatible registry (com.sun.net.httpserver): subjects with versions, global
 * ids, lookup, registration and schema by id; it records every request so that tests can see what was asked.
 */
final class StubRegistry implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One request as the stub received it. */
  record Request(String method, String path, String body, String authorization) {}

  private final HttpServer server;
  private final Map<Integer, String> schemasById = new LinkedHashMap<>();
  private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();
  private final Map<Integer, String> returnedById = new LinkedHashMap<>();
  private final AtomicInteger nextId = new AtomicInteger(100);
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  StubRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Registers {@code schema} under {@code subject} (as scripts/contracts register would); returns its id. */
  synchronized int register(String subject, String schema) {
    int id = schemasById.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey)
        .findFirst().orElseGet(() -> {
          int n = nextId.getAndIncrement();
          schemasById.put(n, schema);
          return n;
        });
    List<Integer> ids = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!ids.contains(id)) {
      ids.add(id);
    }
    return id;
  }

  /** Puts a schema under a given id without a subject (as another producer's registration would). */
  synchronized void putSchema(int id, String schema) {
    schemasById.put(id, schema);
  }

  /** Makes GET /schemas/ids/{id} answer {@code schema} instead (a registry that rewrites what it stores). */
  synchronized void returnById(int id, String schema) {
    returnedById.put(id, schema);
  }

  List<Request> requests(String method, String pathPrefix) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(method, path, body, ex.getRequestHeaders().getFirst("Authorization")));
    String[] parts = path.substring(1).split("/");
    synchronized (this) {
      if (method.equals("GET") && parts.length == 3 && parts[0].equals("schemas") && parts[1].equals("ids")) {
        int id = Integer.parseInt(parts[2]);
        String schema = returnedById.getOrDefault(id, schemasById.get(id));
        if (schema == null) {
          reply(ex, 404, MAPPER.createObjectNode().put("error_code", 40403).put("message", "Schema not found"));
        } else {
          reply(ex, 200, MAPPER.createObjectNode().put("schema", schema));
        }
        return;
      }
      if (parts.length >= 2 && parts[0].equals("subjects")) {
        String subject = parts[1];
        List<Integer> ids = subjects.get(subject);
        if (method.equals("POST") && parts.length == 3 && parts[2].equals("versions")) {
          int id = register(subject, MAPPER.readTree(body).path("schema").asText());
          reply(ex, 200, MAPPER.createObjectNode().put("id", id));
          return;
        }
        if (ids == null) {
          reply(ex, 404, MAPPER.createObjectNode().put("error_code", 40401).put("message", "Subject '" + subject + "' not found."));
          return;
        }
        if (method.equals("GET") && parts.length == 3 && parts[2].equals("versions")) {
          JsonNode versions = MAPPER.valueToTree(java.util.stream.IntStream.rangeClosed(1, ids.size()).boxed().toList());
          reply(ex, 200, versions);
          return;
        }
        if (method.equals("POST") && parts.length == 2) {
          String schema = MAPPER.readTree(body).path("schema").asText();
          for (int v = 0; v < ids.size(); v++) {
            if (schemasById.get(ids.get(v)).equals(schema)) {
              ObjectNode n = MAPPER.createObjectNode().put("subject", subject).put("version", v + 1)
                  .put("id", ids.get(v)).put("schema", schema);
              reply(ex, 200, n);
              return;
            }
          }
          reply(ex, 404, MAPPER.createObjectNode().put("error_code", 40403).put("message", "Schema not found"));
          return;
        }
      }
      reply(ex, 404, MAPPER.createObjectNode().put("error_code", 404).put("message", "HTTP 404 Not Found"));
    }
  }

  private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] b = MAPPER.writeValueAsBytes(body);
    ex.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
