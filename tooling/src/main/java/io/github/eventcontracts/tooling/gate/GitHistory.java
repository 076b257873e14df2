package io.github.eventcontracts.tooling.gate;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads files and their history from a git repository with the git command line: one {@code git log}
 * for the commits that changed the files of interest and one long-running {@code git cat-file --batch} for contents, so that
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

  /** The tags matching a glob ({@code v*}) on HEAD's history (tags of commits HEAD contains). */
  List<String> tagsOnHead(String glob) {
    Result r = run("git", "tag", "--merged", "HEAD", "--list", glob);
    if (r.exit != 0) {
      throw new BaselineException("git tag failed in " + repo + ": " + r.err.strip());
    }
    return r.out.lines().map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  /** A commit on a history and the paths it changed against its first parent (all paths for a root commit). */
  record Commit(String id, Set<String> changed, Set<String> added, Set<String> deleted) {}

  /** A file's content at a commit, with its blob id (equal ids: equal content). */
  record Blob(String id, String text) {}

  /** The largest file read from git: schemas and catalogs are small; anything larger is refused, not allocated. */
  static final int MAX_BLOB_BYTES = 16 << 20;

  /**
   * Every commit on the history of {@code commit} (all parents of merges: {@code --full-history}) that
   * changed a path matching one of {@code pathspecs}, newest first, with the matching paths it changed against
   * its first parent. One {@code git log} process, whatever the number of commits.
   */
  List<Commit> log(String commit, List<String> pathspecs) {
    List<String> command = new ArrayList<>(List.of("git", "log", "-z", "--format=%x01%H", "--name-status",
        "--no-renames", "--full-history", "--diff-merges=first-parent", commit, "--"));
    command.addAll(pathspecs);
    Result r = run(command.toArray(String[]::new));
    if (r.exit != 0) {
      throw new BaselineException("git log failed in " + repo + ": " + r.err.strip());
    }
    List<Commit> out = new ArrayList<>();
    String[] tokens = r.out.split("\u0000", -1);
    Commit current = null;
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i].stripLeading();
      if (t.startsWith("\u0001")) {
        current = new Commit(t.substring(1), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
        out.add(current);
      } else if (!t.isEmpty() && current != null && i + 1 < tokens.length) {
        String path = tokens[++i]; // a status letter (A, M, D, T), then the path
        current.changed().add(path);
        if (t.equals("A")) {
          current.added().add(path);
        } else if (t.equals("D")) {
          current.deleted().add(path);
        }
      }
    }
    return out;
  }

  /** The paths of files called {@code name} (in any folder) in the tree of {@code commit}. */
  List<String> filesNamed(String commit, String name) {
    Result r = run("git", "ls-tree", "-r", "-z", "--name-only", commit);
    if (r.exit != 0) {
      throw new BaselineException("git ls-tree failed in " + repo + ": " + r.err.strip());
    }
    List<String> out = new ArrayList<>();
    for (String path : r.out.split("\u0000")) {
      if (path.equals(name) || path.endsWith("/" + name)) {
        out.add(path);
      }
    }
    return out;
  }

  /** The file's text at a commit, or null when it does not exist there. */
  String read(String commit, String path) {
    Blob b = blob(commit, path);
    return b == null ? null : b.text();
  }

  /** The file at a commit, or null when it does not exist there (or is not a file). */
  Blob blob(String commit, String path) {
    try {
      if (catFile == null) {
        catFile = new ProcessBuilder("git", "cat-file", "--batch").directory(repo.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        catIn = catFile.getOutputStream();
        catOut = new BufferedInputStream(catFile.getInputStream(), 1 << 16);
      }
      if (path.indexOf('\n') >= 0) {
        return null; // cannot be asked for on cat-file's line protocol; no catalog names such a file
      }
      catIn.write((commit + ":" + path + "\n").getBytes(StandardCharsets.UTF_8));
      catIn.flush();
      String header = readLine();
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        return null;
      }
      String[] parts = header.split(" ");
      if (parts.length != 3) {
        throw new IOException("unexpected answer from git cat-file: " + header);
      }
      long size = Long.parseLong(parts[2]);
      if (size > MAX_BLOB_BYTES) {
        throw new BaselineException(path + " at commit " + commit + " is " + size + " bytes; files read from git "
            + "are limited to " + MAX_BLOB_BYTES + " bytes (a schema or catalog is never that large)");
      }
      byte[] content = catOut.readNBytes((int) size);
      if (content.length != size || catOut.read() != '\n') {
        throw new IOException("git cat-file ended early");
      }
      if (!parts[1].equals("blob")) {
        return null; // a folder or a submodule where a file was expected
      }
      return new Blob(parts[0], new String(content, StandardCharsets.UTF_8));
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
