package io.github.eventcontracts.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.registry.RegistryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The serdes' registry calls are bounded by {@link EventSerdeConfig#SCHEMA_REGISTRY_TIMEOUT_MS}: a registry
 * that accepts connections and never answers (what a frozen process does: the kernel still completes the
 * handshake) or one that refuses them fails the record with a SerializationException in time, never a hang.
 * A real frozen and stopped registry is RegistryFaultsIT's subject; this is the bound itself, measured.
 */
class RegistryTimeoutTest {
  /** A port that accepts every connection and never writes a byte. */
  private static final class Silent implements AutoCloseable {
    final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final List<Socket> accepted = new ArrayList<>();
    final Thread acceptor = new Thread(() -> {
      try {
        while (!server.isClosed()) {
          accepted.add(server.accept());
        }
      } catch (IOException closed) {
        // closed by close()
      }
    });

    Silent() throws IOException {
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  private static byte[] recordWithId(int id) {
    return new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id, 2, 'x'};
  }

  private static Map<String, Object> props(String url, long timeoutMs) {
    Map<String, Object> p = new HashMap<>();
    p.put(EventSerdeConfig.SCHEMA_REGISTRY_URL, url);
    p.put(EventSerdeConfig.SCHEMA_REGISTRY_TIMEOUT_MS, timeoutMs);
    return p;
  }

  private static long failMillis(String url, long timeoutMs) {
    try (EventAvroDeserializer<SpecificRecord> d = new EventAvroDeserializer<>()) {
      d.configure(props(url, timeoutMs), false);
      long t0 = System.nanoTime();
      SerializationException e = assertThrows(SerializationException.class, () -> d.deserialize("t", recordWithId(7)));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(e.getMessage().contains("schema (id 7) could not be fetched"), e.getMessage());
      return ms;
    }
  }

  @Test
  void aRegistryThatNeverAnswersFailsTheRecordWithinTheConfiguredTime() throws Exception {
    try (Silent silent = new Silent()) {
      long ms = failMillis(silent.url(), 1500);
      assertTrue(ms >= 1400 && ms < 4000, "failed after " + ms + " ms; configured 1500 ms");
    }
  }

  @Test
  void aRegistryThatTricklesItsBodyFailsTheRecordWithinTheConfiguredTime() throws Exception {
    // headers at once, then one byte a second: the request timeout alone would not end this
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        ex.sendResponseHeaders(200, 0);
        for (int i = 0; i < 60; i++) {
          ex.getResponseBody().write(' ');
          ex.getResponseBody().flush();
          Thread.sleep(1000);
        }
      } catch (IOException | InterruptedException gone) {
        // the client gave up: what the test expects
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    }));
    server.start();
    try {
      long ms = failMillis("http://127.0.0.1:" + server.getAddress().getPort(), 1500);
      assertTrue(ms >= 1400 && ms < 4000, "failed after " + ms + " ms; configured 1500 ms");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aRegistryThatIsDownFailsTheRecordWithinTheConfiguredTime() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    long ms = failMillis("http://127.0.0.1:" + port, 1500);
    assertTrue(ms < 4000, "failed after " + ms + " ms; configured 1500 ms");
  }

  @Test
  void timeoutsAreReadFromThePropertiesAndValidated() {
    RegistryConfig defaults = Configs.registry(Map.of(EventSerdeConfig.SCHEMA_REGISTRY_URL, "http://r:8081"));
    assertEquals(Duration.ofSeconds(30), defaults.deadline());
    assertEquals(Duration.ofSeconds(10), defaults.requestTimeout());
    Map<String, Object> p = props("http://r:8081", 2000);
    p.put(EventSerdeConfig.SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS, "5000");
    RegistryConfig c = Configs.registry(p);
    assertEquals(Duration.ofSeconds(2), c.deadline());
    assertEquals(Duration.ofSeconds(2), c.requestTimeout(), "an attempt never outlasts the whole timeout");
    ConfigException bad = assertThrows(ConfigException.class,
        () -> Configs.registry(props("http://r:8081", 0)));
    assertTrue(bad.getMessage().contains(EventSerdeConfig.SCHEMA_REGISTRY_TIMEOUT_MS), bad.getMessage());
    Map<String, Object> text = props("http://r:8081", 1);
    text.put(EventSerdeConfig.SCHEMA_REGISTRY_TIMEOUT_MS, "soon");
    assertThrows(ConfigException.class, () -> Configs.registry(text));
  }
}
