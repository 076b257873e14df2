package io.github.eventcontracts.tooling.gate;

import io.github.eventcontracts.model.Catalog;
import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.model.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every committed version of each subject (a topic and a format) on a commit's history, found through the
 * catalog of each commit: a version is the file that commit's catalog named for the topic, whatever the file
 * was called then. Schema files renamed or moved, a catalog pointing elsewhere, the whole schemas folder moved
 * with its catalog: the subject's history is followed across all of them.
 *
 * <p>One {@code git log} lists the commits that changed a catalog or a schema-like file ({@code *.avsc},
 * {@code *.json}: the only names a catalog accepts) anywhere in the repository, with the paths each changed
 * against its first parent; one {@code git cat-file --batch} reads the contents. A commit contributes the
 * files its catalog names that it changed, or every file its catalog names when it changed the catalog; any
 * other version of a subject at that commit is its first parent's, read there. Identical contents are one
 * version.
 *
 * <p>Where the catalog lived is part of the history: starting from the baseline's catalog, wherever a known
 * location first appears (status A), that commit's first parent is searched (through the same cat-file, at
 * {@code <commit>^:<path>}, for every {@code catalog.yaml} path the log lists) for the other catalogs that load
 * and name the same topics: one is where the catalog was before (moved in that commit, or copied there and
 * deleted later), and older commits are read there too. A commit holding no catalog at any known location
 * contributes nothing when it holds no other catalog naming these topics (the project did not exist yet).
 * Fails closed with a {@link BaselineException}: a catalog that does not load, a schema file it names that is not
 * in its commit, a move or copy whose origin is ambiguous, and a commit whose only catalog naming these topics is
 * at a location no move or copy leads to.
 */
final class SubjectHistory {
  /** Every path a catalog or a schema it names can have. */
  static final List<String> PATHSPECS = List.of(":(glob)**/" + ContractModel.CATALOG_FILE,
      ":(glob)**/*" + SchemaFormat.AVRO.extension(), ":(glob)**/*" + SchemaFormat.JSON.extension());

  /** One version of a subject: the file a commit's catalog named, and its content. */
  record Version(String commit, String path, String text) {
    /** {@code schemas/avro/skill.created.avsc@abc1234}. */
    String shown() {
      return path + "@" + commit.substring(0, 7);
    }
  }

  private final GitHistory git;
  /** Parsed catalogs by blob id: most commits share their catalog with many others. */
  private final Map<String, Catalog> catalogs = new HashMap<>();
  /** Blob ids of other catalog.yaml files that do not load. */
  private final Set<String> notCatalogs = new HashSet<>();

  private SubjectHistory(GitHistory git) {
    this.git = git;
  }

  /**
   * @param tip         the baseline commit
   * @param catalogPath where {@code tip} holds the catalog, from the repository root ({@code schemas/catalog.yaml})
   * @param topics      the topics to follow (by name)
   * @return per topic and format, the distinct versions, oldest first
   */
  static Map<String, Map<SchemaFormat, List<Version>>> read(GitHistory git, String tip, String catalogPath,
      Collection<String> topics) {
    return new SubjectHistory(git).collect(tip, catalogPath, topics);
  }

  private Map<String, Map<SchemaFormat, List<Version>>> collect(String tip, String catalogPath, Collection<String> topics) {
    List<GitHistory.Commit> commits = git.log(tip, PATHSPECS);
    // every catalog.yaml the history ever held: each was added by a commit git log lists
    List<String> allCatalogs = commits.stream().flatMap(c -> c.changed().stream()).filter(SubjectHistory::isCatalog)
        .distinct().sorted().toList();
    List<String> locations = catalogLocations(commits, catalogPath, allCatalogs, topics);
    // newest first, as git log lists them; blob ids in a map per subject to drop repeated contents
    Map<String, Map<SchemaFormat, Map<String, Version>>> found = new LinkedHashMap<>();
    for (GitHistory.Commit c : commits) {
      String location = null;
      GitHistory.Blob catalogBlob = null;
      for (String l : locations) {
        catalogBlob = git.blob(c.id(), l);
        if (catalogBlob != null) {
          location = l;
          break;
        }
      }
      if (catalogBlob == null) {
        requireNoOtherCatalog(c, locations, allCatalogs, topics);
        continue; // before the project existed (or after it was removed): no subject had a version here
      }
      Catalog catalog = catalog(c.id(), location, catalogBlob);
      String folder = folderOf(location);
      boolean catalogChanged = c.changed().contains(location);
      for (String name : topics) {
        Topic t = catalog.topic(name).orElse(null);
        if (t == null) {
          continue;
        }
        for (SchemaFormat f : SchemaFormat.values()) {
          String path = folder + t.schemaPath(f);
          if (!catalogChanged && !c.changed().contains(path)) {
            continue; // the same file as in the first parent, which is read in its own turn
          }
          GitHistory.Blob schema = git.blob(c.id(), path);
          if (schema == null) {
            throw new BaselineException("commit " + c.id() + " on the baseline's history: its catalog " + location
                + " names " + path + " as the " + f.key() + " schema of topic " + name + ", but the commit has no such "
                + "file, so that version of the subject cannot be read and the gate cannot judge against it. "
                + "Rewrite the commit if its branch is not merged yet; see docs/gate.md, Baselines.");
          }
          found.computeIfAbsent(name, k -> new EnumMap<>(SchemaFormat.class))
              .computeIfAbsent(f, k -> new LinkedHashMap<>())
              .put(schema.id(), new Version(c.id(), path, schema.text())); // later = older: the oldest commit stays
        }
      }
    }
    Map<String, Map<SchemaFormat, List<Version>>> out = new LinkedHashMap<>();
    found.forEach((topic, formats) -> {
      Map<SchemaFormat, List<Version>> byFormat = new EnumMap<>(SchemaFormat.class);
      formats.forEach((f, versions) -> {
        List<Version> list = new ArrayList<>(versions.values());
        Collections.reverse(list);
        byFormat.put(f, list);
      });
      out.put(topic, byFormat);
    });
    return out;
  }

  /**
   * Every location the catalog had on this history, newest first: the baseline's, then where each move came from.
   * Wherever a known location appears (status A), the first parent of that commit is searched for the catalog it
   * came from: the other {@code catalog.yaml} files there that load and name any of the topics both the new
   * catalog and the gate follow. One such catalog is the earlier location, whether the commit moved it there or
   * copied it (and a later commit deleted the original). Several: the one this commit deletes or whose content it
   * copied unchanged, if exactly one is; otherwise the origin is ambiguous and the gate fails closed.
   */
  private List<String> catalogLocations(List<GitHistory.Commit> commits, String catalogPath, List<String> allCatalogs,
      Collection<String> topics) {
    List<String> locations = new ArrayList<>(List.of(catalogPath));
    for (int known = 0; known < locations.size(); known++) {
      String location = locations.get(known);
      for (GitHistory.Commit c : commits) {
        if (!c.added().contains(location)) {
          continue;
        }
        GitHistory.Blob added = git.blob(c.id(), location);
        if (added == null) {
          continue; // not a file after all (cannot happen for a path git log lists as added)
        }
        Catalog addedCatalog = catalog(c.id(), location, added);
        List<String> shared = topics.stream().filter(t -> addedCatalog.topic(t).isPresent()).toList();
        String parent = c.id() + "^";
        List<String> candidates = new ArrayList<>();
        List<String> evident = new ArrayList<>(); // deleted by this commit, or copied from unchanged
        for (String p : allCatalogs) {
          if (p.equals(location)) {
            continue;
          }
          GitHistory.Blob before = git.blob(parent, p);
          if (before == null || namedTopics(parent, p, before, shared).isEmpty()) {
            continue;
          }
          candidates.add(p);
          if (c.deleted().contains(p) || before.id().equals(added.id())) {
            evident.add(p);
          }
        }
        String origin = candidates.size() == 1 ? candidates.get(0) : evident.size() == 1 ? evident.get(0) : null;
        if (origin == null && !candidates.isEmpty()) {
          throw new BaselineException("commit " + c.id() + " on the baseline's history adds the catalog " + location
              + ", and its first parent holds several catalogs naming the same topics (" + String.join(", ", candidates)
              + ")" + (evident.isEmpty() ? ", none of them deleted or copied unchanged by this commit"
                  : ", of which " + String.join(", ", evident) + " are each deleted or copied unchanged by it")
              + ", so the gate cannot tell where the catalog was before it and which earlier versions its subjects "
              + "had. Check the change against each candidate by hand (--against dir:PATH, a checkout of that commit "
              + "made with git worktree add); see docs/gate.md, Baselines.");
        }
        if (origin != null && !locations.contains(origin)) {
          locations.add(origin);
        }
      }
    }
    return locations;
  }

  /**
   * A commit that holds no catalog at any known location: either the project did not exist yet, or its catalog
   * lived somewhere the gate did not see it move from (deleted in one commit, created elsewhere in a later one).
   * Any other catalog there that names a followed topic makes it the second: fail closed.
   */
  private void requireNoOtherCatalog(GitHistory.Commit c, List<String> locations, List<String> allCatalogs,
      Collection<String> topics) {
    for (String p : allCatalogs) {
      if (locations.contains(p)) {
        continue;
      }
      GitHistory.Blob other = git.blob(c.id(), p);
      List<String> named = other == null ? List.of() : namedTopics(c.id(), p, other, topics);
      if (!named.isEmpty()) {
        throw new BaselineException("commit " + c.id() + " on the baseline's history has no catalog at "
            + String.join(" or ", locations) + ", but holds " + p + ", which names " + String.join(", ", named)
            + ". No commit moves or copies the catalog from there, so the gate cannot tell whether that file held "
            + "earlier versions of these subjects (data may have been written with them) and cannot judge against "
            + "them. Check the change against that commit by hand (--against dir:PATH, a checkout of it made with "
            + "git worktree add); see docs/gate.md, Baselines.");
      }
    }
  }

  /** The topics among {@code topics} that a catalog names; none when it does not load (not a contracts catalog). */
  private List<String> namedTopics(String commit, String path, GitHistory.Blob blob, Collection<String> topics) {
    if (notCatalogs.contains(blob.id())) {
      return List.of();
    }
    Catalog other;
    try {
      other = catalog(commit, path, blob);
    } catch (BaselineException notACatalog) {
      notCatalogs.add(blob.id()); // a test fixture of a broken catalog, say: nobody's contract
      return List.of();
    }
    return topics.stream().filter(t -> other.topic(t).isPresent()).toList();
  }

  private static boolean isCatalog(String path) {
    return path.equals(ContractModel.CATALOG_FILE) || path.endsWith("/" + ContractModel.CATALOG_FILE);
  }

  /** {@code schemas/} for {@code schemas/catalog.yaml}; empty for a catalog at the repository root. */
  static String folderOf(String catalogPath) {
    int slash = catalogPath.lastIndexOf('/');
    return slash < 0 ? "" : catalogPath.substring(0, slash + 1);
  }

  private Catalog catalog(String commit, String location, GitHistory.Blob blob) {
    Catalog cached = catalogs.get(blob.id());
    if (cached != null) {
      return cached;
    }
    try {
      Catalog c = Catalog.parse(SourceDocument.parse(location + "@" + commit.substring(0, 7), blob.text()));
      catalogs.put(blob.id(), c);
      return c;
    } catch (ContractException e) {
      throw new BaselineException("commit " + commit + " on the baseline's history holds a catalog that does not "
          + "load, so the gate cannot tell which files were its subjects' versions and cannot judge against them:\n"
          + e.getMessage()
          + "\nRewrite the commit if its branch is not merged yet; see docs/gate.md, Baselines.", e);
    }
  }
}
