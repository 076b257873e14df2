package io.github.eventcontracts.tooling.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.eventcontracts.tooling.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Gives a test repository's topics a unique prefix, so runs against a shared stack do not meet. */
final class Topics {
  private Topics() {}

  static TestRepo uniqueTopics(TestRepo repo) {
    String prefix = "it" + UUID.randomUUID().toString().substring(0, 8) + ".";
    try {
      Path catalog = repo.dir.resolve("schemas/catalog.yaml");
      String text = Files.readString(catalog);
      // every topic of the catalog, so that an event added later is prefixed too
      for (String t : io.github.eventcontracts.model.ContractModel.load(repo.dir.resolve("schemas")).catalog().topics()
          .stream().map(io.github.eventcontracts.model.Topic::name).toList()) {
        text = text.replace("  " + t + ":\n", "  " + prefix + t + ":\n")
            .replace("[" + t, "[" + prefix + t).replace(", " + t + "]", ", " + prefix + t + "]");
      }
      Files.writeString(catalog, text);
      Files.writeString(repo.dir.resolve("prefix"), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return repo;
  }

  static String prefix(TestRepo repo) throws IOException {
    return Files.readString(repo.dir.resolve("prefix"));
  }

  /** Leaves the shared stack as a test found it: no subjects of the prefix and none of the given topics. */
  static void cleanUp(String prefix, java.util.List<String> topics) {
    deleteSubjects(LocalStack.REGISTRY, prefix);
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
        io.github.eventcontracts.tooling.topics.TopicPlan.adminProperties(LocalStack.BOOTSTRAP))) {
      admin.deleteTopics(topics).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) { // best effort, never masking the test's own outcome
      System.err.println("could not delete the topics " + topics + ": " + e);
    }
  }

  /**
   * Deletes (soft, then permanently) every registry subject of the prefix, so that a test leaves the shared
   * registry as it found it: the gate against {@code registry:URL} reads every subject there, and one left by
   * another test is a topic missing from that test's catalog (SUBJECT_REMOVED). Best effort.
   */
  static void deleteSubjects(String registryUrl, String prefix) {
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(registryUrl + "/subjects")).build(),
          HttpResponse.BodyHandlers.ofString());
      for (JsonNode subject : new ObjectMapper().readTree(list.body())) {
        if (subject.asText().startsWith(prefix)) {
          String s = registryUrl + "/subjects/" + URLEncoder.encode(subject.asText(), StandardCharsets.UTF_8);
          for (String url : new String[] {s, s + "?permanent=true"}) {
            http.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // best effort: never mask the test's own outcome
      System.err.println("could not delete the registry subjects of " + prefix + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
