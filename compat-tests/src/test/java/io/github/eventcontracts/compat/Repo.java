package io.github.eventcontracts.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's folders and table files, as the build passes them to tests. */
final class Repo {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Repo() {}

  static Path root() {
    String dir = System.getProperty("contracts.repo.dir");
    return dir != null ? Path.of(dir) : Path.of("..").toAbsolutePath().normalize();
  }

  /** Copies a folder tree. */
  static void copy(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of every .json table file under a folder of compat-tests, with the file's name. */
  static List<Object[]> rows(String folder) {
    List<Object[]> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root().resolve("compat-tests").resolve(folder))) {
      for (Path file : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode row : MAPPER.readTree(file.toFile())) {
          out.add(new Object[] {file.getFileName() + ": " + row.path("description").asText(), row});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
