package io.github.eventcontracts.serde;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import io.github.eventcontracts.registry.RegistryException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A registry's answers are bytes from outside too. Run in the 256 MB JVM of the hostile-input execution: an
 * endless body, a huge declared length, a body that is not JSON and a schema nested to the parser's limit
 * each end in a typed exception with a clear message, promptly, never an Error.
 */
class HostileRegistryTest {
  private HttpServer server;

  /** A registry that answers every request with {@code status} and what {@code body} writes. */
  private String serve(int status, long declaredLength, Body body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      try (ex) {
        ex.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        ex.sendResponseHeaders(status, declaredLength);
        body.write(ex.getResponseBody());
      } catch (IOException clientWentAway) {
        // the client cancelled: what the test expects
      }
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  interface Body {
    void write(OutputStream out) throws IOException;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static RegistryClient client(String url) {
    return new RegistryClient(RegistryConfig.of(url).withDeadline(Duration.ofSeconds(5)));
  }

  @Test
  void anEndlessBodyIsCutOffAtTheLimit() throws IOException {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    String url = serve(200, 0, out -> { // chunked, never ends on its own: 4 GB of spaces
      for (int i = 0; i < 65_536; i++) {
        out.write(chunk);
      }
    });
    RegistryException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(RegistryException.class, () -> client(url).schemaById(1)));
    assertTrue(e.getMessage().contains("larger than " + RegistryClient.MAX_RESPONSE_BYTES + " bytes"), e.getMessage());
  }

  @Test
  void aHugeDeclaredLengthIsRefusedBeforeReading() throws IOException {
    String url = serve(200, 1L << 40, out -> out.write("{".getBytes(StandardCharsets.UTF_8)));
    RegistryException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(RegistryException.class, () -> client(url).schemaById(1)));
    assertTrue(e.getMessage().contains("declared"), e.getMessage());
  }

  @Test
  void aBodyThatIsNotJsonIsAnErrorAtOnceNotRetried() throws IOException {
    String url = serve(200, 0, out -> out.write("<html>login</html>".getBytes(StandardCharsets.UTF_8)));
    RegistryException e = assertTimeoutPreemptively(Duration.ofSeconds(3),
        () -> assertThrows(RegistryException.class, () -> client(url).schemaById(1)));
    assertTrue(e.getMessage().contains("not JSON") && e.getMessage().contains("<html>"), e.getMessage());
  }

  @Test
  void aSchemaNestedToTheLimitIsASerializationExceptionForTheRecord() throws IOException {
    StringBuilder schema = new StringBuilder();
    int depth = 990; // just under Jackson's default nesting limit of 1000
    for (int i = 0; i < depth; i++) {
      schema.append("{\"type\":\"array\",\"items\":");
    }
    schema.append("\"string\"").append("}".repeat(depth));
    String answer = "{\"schema\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(schema.toString()) + "}";
    String url = serve(200, 0, out -> out.write(answer.getBytes(StandardCharsets.UTF_8)));
    try (EventAvroDeserializer<SpecificRecord> d = new EventAvroDeserializer<>(client(url), null)) {
      byte[] record = {0, 0, 0, 0, 7, 0};
      SerializationException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> assertThrows(SerializationException.class, () -> d.deserialize("skill.created", record)));
      assertTrue(e.getMessage().contains("skill.created"), e.getMessage());
    }
  }
}
