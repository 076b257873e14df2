package io.github.eventcontracts.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A breaking change accepted on purpose: an entry of {@code accepted_breaking_changes} in the catalog. It
 * accepts the findings of one rule (optionally at one field path) of one subject (topic and format) against
 * one released version of that subject, named by its fingerprint, and every version before it; never against
 * a later version. So once the change is released, a new break (which is judged against the new version too)
 * is not covered, and the entry cannot silently bypass a future change.
 *
 * @param index   the entry's position in the catalog's list, for locating it
 * @param rule    the finding's rule id, e.g. {@code JSON_MAXIMUM_ADDED}
 * @param topic   the topic whose subject it applies to
 * @param format  which of the topic's two subjects
 * @param path    the field path it applies to ({@code data.tests_passed}); empty for every path
 * @param against the fingerprint of the newest earlier version it accepts breaking ({@code sha256:…})
 * @param reason  why it is acceptable; never empty
 */
public record AcceptedChange(int index, String rule, String topic, SchemaFormat format, String path, String against,
    String reason) {

  /** The catalog pointer of the entry. */
  public String pointer() {
    return "/" + Catalog.ACCEPTED_BREAKING_CHANGES + "/" + index;
  }

  /** Whether this entry is about {@code f}, found for that topic and format (the version is checked by the caller). */
  public boolean matches(String topic, SchemaFormat format, Finding f) {
    return this.topic.equals(topic) && this.format == format && rule.equals(f.ruleId())
        && (path.isEmpty() || path.equals(f.path()));
  }

  /**
   * The fingerprint of a schema version: {@code sha256:} and the first 16 hex digits of the SHA-256 of its
   * normalized text (the text registration sends: Avro's own rendering, JSON without insignificant
   * whitespace), so a version read from git and the same version read from a registry have the same one.
   */
  public static String fingerprint(SchemaFormat format, SourceDocument doc) {
    String normalized = format == SchemaFormat.AVRO
        ? new org.apache.avro.Schema.Parser().setValidateDefaults(false).parse(doc.root().toString()).toString()
        : doc.root().toString();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
