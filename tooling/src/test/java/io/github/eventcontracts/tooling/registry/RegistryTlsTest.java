package io.github.eventcontracts.tooling.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import io.github.eventcontracts.registry.RegistryException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry client trusts a private CA only through the trust store it is given. */
class RegistryTlsTest {
  @TempDir
  Path tmp;

  private HttpsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aTrustStoreLetsTheClientTalkToASelfSignedRegistry() throws Exception {
    Path keystore = tmp.resolve("server.p12");
    Path cert = tmp.resolve("server.crt");
    Path truststore = tmp.resolve("trust.p12");
    keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
    keytool("-exportcert", "-alias", "registry", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "registry", "-file", cert.toString(), "-storetype", "PKCS12",
        "-keystore", truststore.toString(), "-storepass", "trustpw");

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ctx));
    server.createContext("/", ex -> {
      byte[] b = "[\"skill.created-value\"]".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    String url = "https://127.0.0.1:" + server.getAddress().getPort();

    RegistryConfig trusting = new RegistryConfig(url, null, null, null, truststore.toString(), "trustpw", "PKCS12",
        Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertEquals(List.of("skill.created-value"), new RegistryClient(trusting).subjects());

    RegistryClient untrusting = new RegistryClient(RegistryConfig.of(url).withDeadline(Duration.ofSeconds(1)));
    RegistryException e = assertThrows(RegistryException.class, untrusting::subjects);
    assertTrue(e.getMessage().contains("SSL") || e.getMessage().contains("certification"), e.getMessage());
  }

  private static void keytool(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
  }
}
