package io.github.eventcontracts.tooling.docs;

import io.github.eventcontracts.model.ContractModel;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code DocsCheck REPO_ROOT SCHEMAS_DIR}: fails the build when docs/reference/kafka-topics.md or docs/reference/asyncapi.yaml differ
 * from what the generator makes of the contracts. Runs in the tooling module's verify phase (also with
 * -DskipTests), like the generated-sources drift check.
 */
public final class DocsCheck {
  private DocsCheck() {}

  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    ContractModel model = ContractModel.load(Path.of(args[1]));
    List<String> problems = Docs.stale(root, Docs.generate(model, Docs.artifactVersion()));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(Docs.staleMessage(problems));
    }
  }
}
