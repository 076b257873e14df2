package io.github.eventcontracts.benchmarks;

import io.github.eventcontracts.events.ProjectGenerated;
import io.github.eventcontracts.events.ProjectGeneratedData;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryConfig;
import io.github.eventcontracts.serde.EventSerdeConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The event and the local stack's addresses the serde benchmarks share. */
final class BenchEvents {
  private BenchEvents() {}

  /** A project.generated event with 5 files, as in issue 7's measurement. */
  static ProjectGenerated projectGenerated(int n) {
    return ProjectGenerated.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(("bench-" + n).getBytes()))
        .setTimestamp(Instant.ofEpochMilli(1_737_972_000_123L + n))
        .setData(ProjectGeneratedData.newBuilder()
            .setProjectId("project-" + n)
            .setSkillId("skill-42")
            .setOutputPath("/srv/projects/project-" + n)
            .setFiles(List.of("pom.xml", "README.md", "src/main/java/App.java", "src/test/java/AppTest.java",
                ".gitignore"))
            .build())
        .build();
  }

  /** Fails the setup when a round trip did not give back the event it was given. */
  static void requireSame(Object event, Object back) {
    if (!event.equals(back)) {
      throw new IllegalStateException("a round trip changed the event: " + back);
    }
  }

  /** The local stack's registry (scripts/stack up; honours REGISTRY_PORT). */
  static String registryBase() {
    String port = System.getenv().getOrDefault("REGISTRY_PORT", "18081");
    return "http://127.0.0.1:" + port;
  }

  static String ccompatUrl() {
    return System.getenv().getOrDefault("SCHEMA_REGISTRY_URL", registryBase() + "/apis/ccompat/v7");
  }

  static String bootstrapServers() {
    return System.getenv().getOrDefault("BOOTSTRAP_SERVERS",
        "127.0.0.1:" + System.getenv().getOrDefault("KAFKA_PORT", "19092"));
  }

  /** Our serdes' properties; the benchmark's subjects are registered by the serializer on first use. */
  static Map<String, Object> ourSerdeProps() {
    return Map.of(EventSerdeConfig.SCHEMA_REGISTRY_URL, ccompatUrl(), EventSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
  }

  static RegistryClient registry() {
    return new RegistryClient(RegistryConfig.of(ccompatUrl()));
  }
}
