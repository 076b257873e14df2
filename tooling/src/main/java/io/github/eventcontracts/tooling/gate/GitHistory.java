package io.github.eventcontracts.tooling.gate;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads files and their history from a git repository with the git command line: one {@code git log}
 * for the history of a folder and one long-running {@code git cat-file --batch} for contents, so that
 * thousands of versions cost two processes, not thousands.
 */
final class GitHistory implements AutoCloseable {
  private final Path repo;
  private Process catFile;
  private OutputStream catIn;
  private InputStream catOut;

  GitHistory(Path repo) {
    this.repo = repo;
  }

  /** The commit a ref names, or a BaselineException saying how to make it available. */
  String resolve(String ref) {
    Result r = run("git", "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    if (r.exit != 0 || r.out.isBlank()) {
      throw new BaselineException("the git baseline '" + ref + "' does not name a commit in " + repo
          + ". Fetch it first (git fetch origin <branch>; in GitHub Actions check out with fetch-depth: 0), "
          + "or pass another --against.");
    }
    return r.out.strip();
  }

  /** The merge-base of HEAD with the first of the refs that exists, or null when none does. */
  String mergeBase(List<String> candidates) {
    for (String c : candidates) {
      Result r = run("git", "merge-base", "HEAD", c);
      if (r.exit == 0 && !r.out.isBlank()) {
        return r.out.strip();
      }
    }
    return null;
  }

  /** For each file under {@code folder} changed on the history of {@code commit}: the commits, newest first. */
  Map<String, List<String>> history(String commit, String folder) {
    Result r = run("git", "log", "--format=%x01%H", "--name-only", "--no-renames", "--diff-filter=AMR", commit, "--", folder);
    if (r.exit != 0) {
      throw new BaselineException("git log failed in " + repo + ": " + r.err.strip());
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    String current = null;
    for (String line : r.out.split("\n")) {
      if (line.startsWith("\u0001")) {
        current = line.substring(1);
      } else if (!line.isBlank() && current != null) {
        out.computeIfAbsent(line.strip(), k -> new ArrayList<>()).add(current);
      }
    }
    return out;
  }

  /** The file's text at a commit, or null when it does not exist there. */
  String read(String commit, String path) {
    try {
      if (catFile == null) {
        catFile = new ProcessBuilder("git", "cat-file", "--batch").directory(repo.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        catIn = catFile.getOutputStream();
        catOut = new BufferedInputStream(catFile.getInputStream(), 1 << 16);
      }
      catIn.write((commit + ":" + path + "\n").getBytes(StandardCharsets.UTF_8));
      catIn.flush();
      String header = readLine();
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        return null;
      }
      String[] parts = header.split(" ");
      if (parts.length != 3 || !parts[1].equals("blob")) {
        return null;
      }
      int size = Integer.parseInt(parts[2]);
      byte[] content = catOut.readNBytes(size);
      catOut.read(); // the newline after the content
      return new String(content, StandardCharsets.UTF_8);
    } catch (IOException | NumberFormatException e) {
      throw new BaselineException("cannot read " + path + " at " + commit + " from git: " + e.getMessage(), e);
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(128);
    int c;
    while ((c = catOut.read()) != -1 && c != '\n') {
      b.write(c);
    }
    if (c == -1) {
      throw new IOException("git cat-file ended early");
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  private record Result(int exit, String out, String err) {}

  private Result run(String... command) {
    try {
      Process p = new ProcessBuilder(command).directory(repo.toFile()).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new BaselineException(String.join(" ", command) + " did not finish within 60 s");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BaselineException("cannot run git in " + repo + " (is git installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BaselineException("interrupted while running git");
    }
  }

  @Override
  public void close() {
    if (catFile != null) {
      try {
        catIn.close();
        catFile.waitFor(5, TimeUnit.SECONDS);
      } catch (IOException | InterruptedException ignored) {
        // closing anyway
      } finally {
        catFile.destroy();
      }
    }
  }
}
