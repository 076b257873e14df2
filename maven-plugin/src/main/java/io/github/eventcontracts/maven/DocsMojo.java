package io.github.eventcontracts.maven;

import io.github.eventcontracts.tooling.docs.Docs;
import io.github.eventcontracts.tooling.docs.DocsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The documentation generated from the project's contracts, as {@code contracts docs} does: docs/reference/kafka-topics.md
 * (the Kafka Topics page) and docs/reference/asyncapi.yaml (AsyncAPI 3.0.0) under the project's folder. Writes the files
 * that differ; with {@code check}, writes nothing and fails when one is missing or stale (for CI).
 */
@Mojo(name = "docs", threadSafe = true)
public class DocsMojo extends ContractsMojo {
  /** Write nothing; fail the build when a generated file is missing or stale. */
  @Parameter(property = "contracts.docs.check", defaultValue = "false")
  boolean check;

  /** The folder the docs/ pages are written under. */
  @Parameter(property = "contracts.docs.root", defaultValue = "${project.basedir}")
  java.io.File root;

  /** The artifact version the pages name. Default: the plugin's, which is the contracts artifact's. */
  @Parameter(property = "contracts.docs.version")
  String version;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    Map<String, String> files;
    try {
      files = Docs.generate(load(), version != null && !version.isBlank() ? version : Docs.artifactVersion());
    } catch (DocsException e) {
      throw new MojoExecutionException("contracts: " + e.getMessage(), e);
    }
    Path dir = root.toPath();
    if (check) {
      List<String> problems = Docs.stale(dir, files);
      if (!problems.isEmpty()) {
        throw new MojoFailureException("contracts: " + Docs.staleMessage(problems).replace(Docs.REFRESH,
            "mvn " + "io.github.eventcontracts:event-contracts-maven-plugin:docs"));
      }
      getLog().info("docs: up to date (" + String.join(", ", files.keySet()) + ")");
      return;
    }
    List<String> written;
    try {
      written = Docs.write(dir, files);
    } catch (java.io.UncheckedIOException e) {
      throw new MojoExecutionException("contracts: " + e.getMessage(), e);
    }
    files.keySet().forEach(f -> getLog().info((written.contains(f) ? "wrote      " : "up to date ") + f));
  }
}
