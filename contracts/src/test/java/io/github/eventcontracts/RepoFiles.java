package io.github.eventcontracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locations in the repository, as the build passes them to tests. */
public final class RepoFiles {
  private RepoFiles() {}

  public static Path root() {
    String dir = System.getProperty("contracts.repo.dir");
    return dir != null ? Path.of(dir) : Path.of("..").toAbsolutePath().normalize();
  }

  public static Path schemas() {
    return root().resolve("schemas");
  }

  public static Path golden() {
    return root().resolve("compat-tests/golden");
  }

  /** Every file under {@code dir} whose name ends in {@code suffix}, sorted. */
  public static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
