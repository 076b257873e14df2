package io.github.eventcontracts.tooling.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import io.github.eventcontracts.registry.RegistryException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults a real registry will not produce on demand, provoked with a local HTTP stub: down, slow,
 * 500 then 200, 401, 409.
 */
class RegistryFaultsTest {
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private String serve(int[] statuses, String[] bodies, long delayMs, AtomicInteger calls, AtomicReference<String> auth)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      int i = Math.min(calls.getAndIncrement(), statuses.length - 1);
      if (auth != null) {
        auth.set(ex.getRequestHeaders().getFirst("Authorization"));
      }
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] b = bodies[i].getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(statuses[i], b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static RegistryClient client(String url, Duration request, Duration deadline) {
    RegistryConfig c = RegistryConfig.of(url);
    return new RegistryClient(new RegistryConfig(c.url(), "alice", "s3cret-pw", null, null, null, "PKCS12", request, deadline));
  }

  @Test
  void registryDownFailsAfterTheDeadlineSayingWhere() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    RegistryClient c = client("http://127.0.0.1:" + port, Duration.ofSeconds(1), Duration.ofSeconds(2));
    RegistryException e = assertThrows(RegistryException.class, c::subjects);
    assertTrue(e.getMessage().contains("failed after") && e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    assertEquals(0, e.status());
  }

  @Test
  void slowRegistryTimesOutWithinTheDeadline() throws IOException {
    String url = serve(new int[] {200}, new String[] {"[]"}, 3000, new AtomicInteger(), null);
    RegistryClient c = client(url, Duration.ofMillis(500), Duration.ofSeconds(1));
    long start = System.nanoTime();
    RegistryException e = assertThrows(RegistryException.class, c::subjects);
    assertTrue(e.getMessage().contains("Timeout"), e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "the deadline was not kept");
  }

  @Test
  void serverErrorsAreRetriedUntilTheRegistryAnswers() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    String url = serve(new int[] {500, 503, 200}, new String[] {"{\"error_code\":50001,\"message\":\"boom\"}", "", "[\"a-value\"]"},
        0, calls, null);
    assertEquals(java.util.List.of("a-value"), client(url, Duration.ofSeconds(2), Duration.ofSeconds(10)).subjects());
    assertEquals(3, calls.get());
  }

  @Test
  void apicuriosJsonSchemaVersionFailureIsReportedAtOnceWithTheWayOut() throws IOException {
    // what Apicurio 2.4.2 answers when asked to judge a draft 2020-12 JSON Schema against an earlier version
    AtomicInteger calls = new AtomicInteger();
    String url = serve(new int[] {500}, new String[] {"{\"error_code\":500,\"message\":\"#: could not determine version\"}"},
        0, calls, null);
    RegistryException e = assertThrows(RegistryException.class,
        () -> client(url, Duration.ofSeconds(10), Duration.ofSeconds(10)).register("s-json-value", "{}", "JSON"));
    assertEquals(1, calls.get(), "a deterministic answer is not retried for the whole deadline");
    assertTrue(e.getMessage().contains("draft 2020-12") && e.getMessage().contains("Nothing was written to this subject")
        && e.getMessage().contains("curl -X DELETE " + url + "/subjects/s-json-value && ")
        && e.getMessage().contains("scripts/stack down --purge"), e.getMessage());
  }

  @Test
  void unauthorizedIsReportedAsSuchWithoutTheSecret() throws IOException {
    AtomicReference<String> auth = new AtomicReference<>();
    AtomicInteger calls = new AtomicInteger();
    String url = serve(new int[] {401}, new String[] {"{\"error_code\":40101,\"message\":\"Unauthorized\"}"}, 0, calls, auth);
    RegistryException e = assertThrows(RegistryException.class,
        () -> client(url, Duration.ofSeconds(2), Duration.ofSeconds(10)).subjects());
    assertEquals(401, e.status());
    assertTrue(e.getMessage().contains("rejected the credentials") && e.getMessage().contains("Unauthorized"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret-pw"));
    assertTrue(auth.get().startsWith("Basic "), "basic auth was not sent");
    assertEquals(1, calls.get(), "a 401 must not be retried");
    assertFalse(RegistryConfig.of(url).withEnvironment(java.util.Map.of("REGISTRY_TOKEN", "tok-123")).toString().contains("tok-123"));
  }

  @Test
  void conflictCarriesTheRegistrysReason() throws IOException {
    String url = serve(new int[] {409}, new String[] {"{\"error_code\":0,\"message\":\"Incompatible: field owner\"}"},
        0, new AtomicInteger(), null);
    RegistryException e = assertThrows(RegistryException.class,
        () -> client(url, Duration.ofSeconds(2), Duration.ofSeconds(10)).register("s-value", "{}", "AVRO"));
    assertEquals(409, e.status());
    assertTrue(e.getMessage().contains("incompatible") && e.getMessage().contains("field owner"), e.getMessage());
  }

  @Test
  void unknownSubjectHasNoVersions() throws IOException {
    String url = serve(new int[] {404}, new String[] {"{\"error_code\":40401,\"message\":\"Subject not found\"}"},
        0, new AtomicInteger(), null);
    assertEquals(java.util.List.of(), client(url, Duration.ofSeconds(2), Duration.ofSeconds(10)).versions("x-value"));
  }
}
