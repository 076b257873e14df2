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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * <p>Where the catalog lived is part of the history: starting from the baseline's catalog, a commit that adds
 * the catalog at a known location and deletes exactly one other {@code catalog.yaml} moved it, and older
 * commits are read at the old location too. A commit holding no catalog at any known location predates the
 * project and contributes nothing. A catalog that does not load, a schema file it names that is not in its
 * commit, or a move whose origin is ambiguous is a {@link BaselineException}: the gate fails closed.
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
    List<String> locations = catalogLocations(commits, catalogPath);
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
                + "Rewrite the commit if its branch is not merged yet; see README, section Baselines.");
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
   * A move is a commit that adds the catalog at a known location and deletes one other catalog.yaml.
   */
  static List<String> catalogLocations(List<GitHistory.Commit> commits, String catalogPath) {
    List<String> locations = new ArrayList<>(List.of(catalogPath));
    for (int known = 0; known < locations.size(); known++) {
      String location = locations.get(known);
      for (GitHistory.Commit c : commits) {
        if (!c.changed().contains(location)) {
          continue;
        }
        List<String> others = c.changed().stream()
            .filter(p -> !p.equals(location) && isCatalog(p) && !locations.contains(p)).toList();
        List<String> deleted = others.stream().filter(p -> c.deleted().contains(p)).toList();
        if (!c.added().contains(location) || deleted.isEmpty()) {
          continue;
        }
        if (deleted.size() > 1) {
          throw new BaselineException("commit " + c.id() + " on the baseline's history adds the catalog " + location
              + " and deletes several others (" + String.join(", ", deleted) + "), so the gate cannot tell where the "
              + "catalog was before it and which earlier versions its subjects had. Check that change against each "
              + "candidate by hand (--against dir:PATH); see README, section Baselines.");
        }
        locations.add(deleted.get(0));
      }
    }
    return locations;
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
          + "\nRewrite the commit if its branch is not merged yet; see README, section Baselines.", e);
    }
  }
}
