package io.github.eventcontracts.maven;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.registry.RegistryException;
import io.github.eventcontracts.tooling.compat.CompatibilityCheck;
import io.github.eventcontracts.tooling.compat.json.JsonCompatPolicy;
import io.github.eventcontracts.tooling.registry.Registration;
import io.github.eventcontracts.tooling.registry.SubjectNaming;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Registers both schemas of every event in a Confluent-compatible registry and sets each subject's level from
 * the catalog, as {@code contracts register} does: the plan first (new / new version / unchanged / would be
 * rejected), then the writes, unless {@code dryRun}. Credentials: the settings.xml {@code <server>} named by
 * {@code serverId}, else REGISTRY_USER / REGISTRY_PASSWORD / REGISTRY_TOKEN; they are never logged.
 * Not bound to a phase: run it on purpose ({@code mvn contracts:register -Dcontracts.registry=URL}).
 */
@Mojo(name = "register", threadSafe = true)
public class RegisterMojo extends JudgingMojo {
  /** The registry's Confluent-compatible API, e.g. http://127.0.0.1:18081/apis/ccompat/v7. Default: $SCHEMA_REGISTRY_URL. */
  @Parameter(property = "contracts.registry")
  String registry;

  /** Print the plan and write nothing. */
  @Parameter(property = "contracts.dryRun", defaultValue = "false")
  boolean dryRun;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    String url = registry != null && !registry.isBlank() ? registry : environment().get("SCHEMA_REGISTRY_URL");
    if (url == null || url.isBlank()) {
      throw new MojoExecutionException("contracts: no registry: set <registry> (-Dcontracts.registry=URL) or "
          + "SCHEMA_REGISTRY_URL");
    }
    SubjectNaming naming = naming();
    JsonCompatPolicy jsonPolicy = jsonPolicy();
    ContractModel model = load();
    Registration.Outcome outcome;
    try {
      outcome = Registration.run(model, new RegistryClient(registry(url)), naming, CompatibilityCheck.standard(jsonPolicy),
          dryRun, getLog()::info);
    } catch (RegistryException e) {
      throw new MojoExecutionException("contracts: the registry could not be used: " + e.getMessage(), e);
    }
    switch (outcome) {
      case DONE -> { }
      case REJECTED -> throw new MojoFailureException("contracts: a schema would be or was rejected by " + url
          + " (reasons above)");
      case FAILED -> throw new MojoExecutionException("contracts: registering in " + url + " failed (above)");
    }
  }
}
