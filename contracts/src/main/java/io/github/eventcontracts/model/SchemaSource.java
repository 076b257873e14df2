package io.github.eventcontracts.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the schemas folder is read from: the work tree, the jar's resources, a git revision, a copy.
 * Paths are relative to the folder holding {@code catalog.yaml}.
 */
public interface SchemaSource {

  /** The file's text, or null when there is no such file. */
  String read(String relativePath) throws IOException;

  /** How the file is named in messages, e.g. {@code schemas/avro/skill.created.avsc}. */
  String displayPath(String relativePath);

  /** A folder on disk; {@code displayPrefix} is how that folder is named in messages (e.g. {@code schemas}). */
  static SchemaSource directory(Path dir, String displayPrefix) {
    return new SchemaSource() {
      @Override
      public String read(String relativePath) throws IOException {
        Path p = dir.resolve(relativePath).normalize();
        if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
          return null;
        }
        return Files.readString(p, StandardCharsets.UTF_8);
      }

      @Override
      public String displayPath(String relativePath) {
        return displayPrefix.isEmpty() ? relativePath : displayPrefix + "/" + relativePath;
      }

      @Override
      public String toString() {
        return dir.toString();
      }
    };
  }

  /** The copy of the schemas folder bundled in this artifact, under {@code event-contracts/}. */
  static SchemaSource bundled() {
    ClassLoader loader = SchemaSource.class.getClassLoader();
    return new SchemaSource() {
      @Override
      public String read(String relativePath) throws IOException {
        try (InputStream in = loader.getResourceAsStream("event-contracts/" + relativePath)) {
          return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }

      @Override
      public String displayPath(String relativePath) {
        return "schemas/" + relativePath;
      }

      @Override
      public String toString() {
        return "classpath:event-contracts/";
      }
    };
  }
}
