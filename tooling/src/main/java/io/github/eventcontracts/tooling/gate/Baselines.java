package io.github.eventcontracts.tooling.gate;

import io.github.eventcontracts.model.Catalog;
import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.EventContract;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SchemaSource;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.model.Topic;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryException;
import io.github.eventcontracts.tooling.compat.SchemaVersion;
import io.github.eventcontracts.tooling.registry.RegisteredVersions;
import io.github.eventcontracts.tooling.registry.SubjectNaming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a baseline given as {@code git:REF}, {@code dir:PATH}, {@code jar:PATH} (an {@code event-contracts}
 * jar) or {@code registry:URL}. Anything that
 * cannot be read is a {@link BaselineException}: the gate fails closed.
 */
public final class Baselines {
  /** Where the default baseline is looked for, in order: the merge-base of HEAD with each. */
  public static final List<String> DEFAULT_BRANCHES = List.of("origin/main", "main", "origin/master", "master");

  private Baselines() {}

  /**
   * @param spec          {@code git:REF}, {@code dir:PATH}, {@code jar:PATH}, {@code registry:URL}, or null for the merge-base
   *                      of HEAD with the main branch
   * @param repo          the repository root (for git and relative paths)
   * @param schemasFolder the schemas folder relative to the repository root ({@code schemas})
   * @param current       the catalog under review (a registry baseline maps subjects to its topics)
   * @param registries    opens a client for a registry URL (with the caller's credentials)
   */
  public static Baseline load(String spec, Path repo, String schemasFolder, Catalog current, SubjectNaming naming,
      Function<String, RegistryClient> registries) {
    if (spec == null || spec.isBlank()) {
      try (GitHistory git = new GitHistory(repo)) {
        String base = git.mergeBase(DEFAULT_BRANCHES);
        if (base == null) {
          throw new BaselineException("no default baseline: HEAD has no merge-base with any of " + DEFAULT_BRANCHES
              + ". Pass --against git:<ref>, dir:<path>, jar:<path> or registry:<url>.");
        }
        return git(repo, base, schemasFolder);
      }
    }
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? "" : spec.substring(0, colon);
    String value = colon < 0 ? "" : spec.substring(colon + 1);
    if (value.isBlank()) {
      throw new BaselineException("bad --against '" + spec + "': write git:<ref>, dir:<path>, jar:<path> or registry:<url>");
    }
    return switch (kind) {
      case "git" -> git(repo, value, schemasFolder);
      case "dir" -> dir(repo.resolve(value), value);
      case "jar" -> jar(repo.resolve(value), value);
      case "registry" -> {
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
          throw new BaselineException("bad --against '" + spec + "': a registry is an http:// or https:// URL, e.g. "
              + "registry:http://127.0.0.1:18081/apis/ccompat/v7");
        }
        yield registry(registries.apply(value), current, naming);
      }
      default -> throw new BaselineException("bad --against '" + spec + "': write git:<ref>, dir:<path>, jar:<path> or registry:<url>");
    };
  }

  /**
   * The schemas folder at a git revision, with every committed version of each subject on its history (see
   * {@link SubjectHistory}: followed through each commit's catalog, across renamed files and moved folders).
   */
  public static Baseline git(Path repo, String ref, String schemasFolder) {
    try (GitHistory git = new GitHistory(repo)) {
      String commit = git.resolve(ref);
      String shortCommit = commit.substring(0, 7);
      String description = "git:" + ref + (ref.startsWith(shortCommit) ? "" : " (" + shortCommit + ")");
      // the path git knows the catalog by: schemas/catalog.yaml, or catalog.yaml for --schemas .
      String catalogPath = Path.of(schemasFolder).normalize().resolve(ContractModel.CATALOG_FILE).normalize()
          .toString().replace('\\', '/');
      List<String> notes = new ArrayList<>();
      if (git.read(commit, catalogPath) == null) {
        String moved = movedCatalog(git, repo, commit, catalogPath, description);
        if (moved == null) {
          return new Baseline(description + ", which has no " + catalogPath, null, Map.of());
        }
        notes.add(description + " holds the catalog at " + moved + ", which is gone from the work tree: "
            + "the schemas folder moved to " + schemasFolder + " since, and its subjects are compared with " + moved
            + "'s");
        catalogPath = moved;
      }
      String folder = SubjectHistory.folderOf(catalogPath);
      String shownFolder = folder.isEmpty() ? "" : folder.substring(0, folder.length() - 1);
      SchemaSource source = new SchemaSource() {
        @Override
        public String read(String relativePath) {
          return git.read(commit, folder + relativePath);
        }

        @Override
        public String displayPath(String relativePath) {
          // path@commit: a finding located in the baseline must not pass for a line of the work tree
          return folder + relativePath + "@" + shortCommit;
        }

        @Override
        public String toString() {
          return description + (shownFolder.equals(schemasFolder) ? "" : ", folder " + shownFolder);
        }
      };
      ContractModel model = loadModel(source, description);
      Map<String, Map<SchemaFormat, List<SubjectHistory.Version>>> history = SubjectHistory.read(git, commit,
          catalogPath, model.catalog().topics().stream().map(Topic::name).toList());
      Map<String, Baseline.BaselineTopic> topics = new LinkedHashMap<>();
      for (EventContract e : model.events()) {
        Map<SchemaFormat, List<SchemaVersion>> versions = new EnumMap<>(SchemaFormat.class);
        for (SchemaFormat f : SchemaFormat.values()) {
          String tipPath = folder + e.topic().schemaPath(f);
          SourceDocument tip = e.source(f);
          List<SchemaVersion> list = new ArrayList<>();
          for (SubjectHistory.Version v : history.getOrDefault(e.topic().name(), Map.of()).getOrDefault(f, List.of())) {
            if (v.text().equals(tip.text())) {
              continue; // the baseline's own version, added last
            }
            try {
              // a version from another file is named by its path: the finding must say which file it was
              String label = v.path().equals(tipPath) ? "git " + v.commit().substring(0, 7) : v.shown();
              list.add(new SchemaVersion(label, SourceDocument.parse(v.shown(), v.text())));
            } catch (ContractException unparseable) {
              // it never parsed, so it could never have been read or registered: nothing to be compatible with
              notes.add("skipped " + v.shown() + ": it does not parse, so no data can have been written with it");
            }
          }
          list.add(new SchemaVersion("git " + shortCommit, tip));
          versions.put(f, list);
        }
        topics.put(e.topic().name(), new Baseline.BaselineTopic(e.topic().name(), e.eventType(),
            "/topics/" + e.topic().name(), e.topic(), versions));
      }
      return new Baseline(description, model.catalog(), topics, notes);
    }
  }

  /** The tags matching a glob ({@code v*}) that HEAD's history contains, for finding the last release. */
  public static List<String> tagsOnHead(Path repo, String glob) {
    try (GitHistory git = new GitHistory(repo)) {
      return git.tagsOnHead(glob);
    }
  }

  /**
   * Where the baseline holds its catalog when it is not at the work tree's location: the one catalog.yaml of the
   * baseline that is gone from the work tree and loads as a catalog (the schemas folder moved in the change under
   * review); null when there is none (the project is new). Several such catalogs: the gate cannot tell which.
   */
  private static String movedCatalog(GitHistory git, Path repo, String commit, String catalogPath, String description) {
    List<String> candidates = new ArrayList<>();
    for (String path : git.filesNamed(commit, ContractModel.CATALOG_FILE)) {
      if (Files.exists(repo.resolve(path))) {
        continue; // still there: another catalog (a test fixture, another project), not the one that moved
      }
      try {
        Catalog.parse(SourceDocument.parse(path, git.read(commit, path)));
        candidates.add(path);
      } catch (ContractException notACatalog) {
        // not a contracts catalog (or a broken one nobody could have used): not where the schemas were
      }
    }
    if (candidates.size() > 1) {
      throw new BaselineException(description + " has no " + catalogPath + ", and several catalogs that are gone "
          + "from the work tree (" + String.join(", ", candidates) + "): the gate cannot tell which one moved to "
          + catalogPath + ". Check the change against the right one with --against dir:PATH (a checkout of it, "
          + "e.g. with git worktree add).");
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }

  /** A schemas folder on disk (one version of each schema). */
  public static Baseline dir(Path dir, String shownAs) {
    if (!Files.isRegularFile(dir.resolve(ContractModel.CATALOG_FILE))) {
      throw new BaselineException("the baseline dir:" + shownAs + " has no catalog.yaml; point it at a schemas folder");
    }
    String description = "dir:" + shownAs;
    return releases(description, List.of(new Release(description, SchemaSource.directory(dir, shownAs))));
  }

  /** An {@code event-contracts} jar: the schemas folder it bundles (one version of each schema). */
  public static Baseline jar(Path jar, String shownAs) {
    String description = "jar:" + shownAs;
    return releases(description, List.of(new Release(description,
        JarSchemas.open(jar, jar.getFileName().toString()))));
  }

  /**
   * One released copy of the schemas folder (a directory, a contracts jar of some version).
   *
   * @param label how its versions are named in messages ({@code event-contracts 0.3.0})
   */
  public record Release(String label, SchemaSource source) {}

  /**
   * Several releases of the contracts, oldest first: each subject has the version of every release that carries
   * its topic (a version equal to the one before it counted once), so that transitive levels compare with all of
   * them. The newest release is the baseline itself: its catalog gives the topics, levels and readers.
   */
  public static Baseline releases(String description, List<Release> oldestFirst) {
    if (oldestFirst.isEmpty()) {
      throw new IllegalArgumentException("no release to compare with");
    }
    List<String> notes = new ArrayList<>();
    Map<String, Map<SchemaFormat, List<SchemaVersion>>> earlier = new LinkedHashMap<>();
    for (Release r : oldestFirst.subList(0, oldestFirst.size() - 1)) {
      ContractModel old;
      try {
        old = ContractModel.load(r.source());
      } catch (ContractException e) {
        notes.add("skipped " + r.label() + ": its contracts do not load, so no data can have been written with them");
        continue;
      }
      for (EventContract e : old.events()) {
        for (SchemaFormat f : SchemaFormat.values()) {
          addVersion(earlier.computeIfAbsent(e.topic().name(), t -> new EnumMap<>(SchemaFormat.class))
              .computeIfAbsent(f, x -> new ArrayList<>()), new SchemaVersion(r.label(), e.source(f)));
        }
      }
    }
    Release tip = oldestFirst.get(oldestFirst.size() - 1);
    ContractModel model = loadModel(tip.source(), description);
    Map<String, Baseline.BaselineTopic> topics = new LinkedHashMap<>();
    for (EventContract e : model.events()) {
      Map<SchemaFormat, List<SchemaVersion>> versions = new EnumMap<>(SchemaFormat.class);
      for (SchemaFormat f : SchemaFormat.values()) {
        List<SchemaVersion> list = new ArrayList<>(earlier.getOrDefault(e.topic().name(), Map.of()).getOrDefault(f, List.of()));
        addVersion(list, new SchemaVersion(tip.label(), e.source(f)));
        versions.put(f, list);
      }
      topics.put(e.topic().name(), new Baseline.BaselineTopic(e.topic().name(), e.eventType(),
          "/topics/" + e.topic().name(), e.topic(), versions));
    }
    return new Baseline(description, model.catalog(), topics, notes);
  }

  /** Appends a version unless it is the same text as the last one (an unchanged subject in a newer release). */
  private static void addVersion(List<SchemaVersion> versions, SchemaVersion v) {
    if (!versions.isEmpty() && versions.get(versions.size() - 1).document().text().equals(v.document().text())) {
      versions.set(versions.size() - 1, v); // named after the newest release that carries it
      return;
    }
    versions.add(v);
  }

  /**
   * Every registered version of every subject of the catalog's topics. A registry is often shared with other
   * teams, so subjects the catalog does not name are left alone: removed topics are found by git baselines.
   */
  public static Baseline registry(RegistryClient client, Catalog current, SubjectNaming naming) {
    String description = "registry:" + client.url();
    try {
      client.subjects(); // a wrong URL fails here (404), instead of reading as "no subject registered yet"
      Map<String, Baseline.BaselineTopic> topics = new LinkedHashMap<>();
      for (Topic t : current.topics()) {
        Map<SchemaFormat, List<SchemaVersion>> versions = new EnumMap<>(SchemaFormat.class);
        for (SchemaFormat f : SchemaFormat.values()) {
          List<SchemaVersion> list = registered(client, naming.subject(t, f), f);
          if (!list.isEmpty()) {
            versions.put(f, list);
          }
        }
        if (!versions.isEmpty()) {
          topics.put(t.name(), new Baseline.BaselineTopic(t.name(), null, null, null, versions));
        }
      }
      return new Baseline(description, null, topics);
    } catch (RegistryException e) {
      throw new BaselineException("cannot read the baseline " + description + ": " + e.getMessage(), e);
    }
  }

  private static List<SchemaVersion> registered(RegistryClient client, String subject, SchemaFormat f) {
    try {
      return RegisteredVersions.read(client, subject, f, client.versions(subject));
    } catch (ContractException e) {
      throw new BaselineException("a registered schema of " + subject + " does not parse: " + e.getMessage());
    }
  }

  private static ContractModel loadModel(SchemaSource source, String description) {
    try {
      return ContractModel.load(source);
    } catch (ContractException e) {
      throw new BaselineException("the baseline " + description + " does not load, so nothing can be checked "
          + "against it:\n" + e.getMessage(), e);
    }
  }
}
