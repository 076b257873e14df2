package io.github.eventcontracts.model;

import java.util.Locale;

/** The two schema languages every event is written in. */
public enum SchemaFormat {
  AVRO("avro", ".avsc", "AVRO"),
  JSON("json", ".json", "JSON");

  private final String key;
  private final String extension;
  private final String registryType;

  SchemaFormat(String key, String extension, String registryType) {
    this.key = key;
    this.extension = extension;
    this.registryType = registryType;
  }

  /** The key used in the catalog ({@code avro}, {@code json}). */
  public String key() {
    return key;
  }

  public String extension() {
    return extension;
  }

  /** The {@code schemaType} a Confluent-compatible registry uses. */
  public String registryType() {
    return registryType;
  }

  public static SchemaFormat fromKey(String key) {
    for (SchemaFormat f : values()) {
      if (f.key.equals(key.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown schema format '" + key + "' (expected avro or json)");
  }

  /** The format a file name implies by its extension, or null. */
  public static SchemaFormat fromFileName(String name) {
    for (SchemaFormat f : values()) {
      if (name.endsWith(f.extension)) {
        return f;
      }
    }
    return null;
  }
}
