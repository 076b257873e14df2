package io.github.eventcontracts.tooling.registry;

import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.tooling.compat.SchemaVersion;
import java.util.ArrayList;
import java.util.List;

/** A subject's registered versions as earlier versions for the compatibility check. */
public final class RegisteredVersions {
  private RegisteredVersions() {}

  /**
   * Reads each of {@code versions} of {@code subject}, oldest first, named {@code registry <subject> v<n>}.
   *
   * @throws io.github.eventcontracts.model.ContractException when a registered schema does not parse
   */
  public static List<SchemaVersion> read(RegistryClient client, String subject, SchemaFormat format, List<Integer> versions) {
    List<SchemaVersion> out = new ArrayList<>();
    for (int v : versions) {
      String label = "registry " + subject + " v" + v;
      out.add(new SchemaVersion(label, SourceDocument.parse(label + format.extension(), client.version(subject, v).schema())));
    }
    return out;
  }
}
