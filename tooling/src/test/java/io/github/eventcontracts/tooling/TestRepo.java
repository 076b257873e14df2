package io.github.eventcontracts.tooling;

import io.github.eventcontracts.tooling.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A throwaway git repository holding a copy of the real schemas folder, and a way to run the CLI in it. */
public final class TestRepo {
  public final Path dir;

  public TestRepo(Path dir) {
    this.dir = dir;
    copy(repoRoot().resolve("schemas"), dir.resolve("schemas"));
    withoutAcceptedChanges(dir.resolve("schemas/catalog.yaml"));
    git("init", "-q", "-b", "main");
    commitAll("v1: the released contracts");
  }

  public static Path repoRoot() {
    String d = System.getProperty("contracts.repo.dir");
    return d != null ? Path.of(d) : Path.of("..").toAbsolutePath().normalize();
  }

  /** Replaces the first occurrence of {@code from} in a file under schemas/ (fails when absent). */
  public void edit(String file, String from, String to) {
    try {
      Path p = dir.resolve("schemas").resolve(file);
      String text = Files.readString(p);
      if (!text.contains(from)) {
        throw new IllegalArgumentException(file + " does not contain: " + from);
      }
      Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 1-based line of the first line containing {@code text} in a file under schemas/. */
  public int lineOf(String file, String text) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("schemas").resolve(file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(file + " has no line with " + text);
  }

  public void commitAll(String message) {
    git("add", "-A");
    git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
  }

  public String git(String... args) {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException(cmd + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The result of one CLI run. */
  public record Run(int exit, String out, String err) {}

  /** Runs {@code contracts ARGS --repo DIR}. */
  public Run contracts(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--repo");
    all.add(dir.toString());
    return run(all.toArray(String[]::new));
  }

  /** Runs the CLI in this JVM. */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  /**
   * The repository's accepted breaking changes name versions from its own history, which this repository
   * (whose first commit is today's contracts) does not have: they are emptied, as they would be in a fresh start.
   */
  private static void withoutAcceptedChanges(Path catalog) {
    try {
      List<String> out = new ArrayList<>();
      boolean skipping = false;
      for (String line : Files.readAllLines(catalog)) {
        if (line.startsWith("accepted_breaking_changes:")) {
          skipping = true;
          out.add("accepted_breaking_changes: []");
          continue;
        }
        if (skipping && !line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
          skipping = false;
        }
        if (!skipping) {
          out.add(line);
        }
      }
      Files.write(catalog, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a folder tree. */
  public static void copy(Path from, Path to) {
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
}
