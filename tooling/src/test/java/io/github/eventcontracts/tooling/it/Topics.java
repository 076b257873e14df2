package io.github.eventcontracts.tooling.it;

import io.github.eventcontracts.tooling.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
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
      for (String t : new String[] {"skill.created", "skill.updated", "project.generated", "project.completed",
          "validation.completed"}) {
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
}
