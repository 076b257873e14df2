package io.github.eventcontracts.maven;

import io.github.eventcontracts.tooling.compat.json.JsonCompatPolicy;
import io.github.eventcontracts.tooling.registry.SubjectNaming;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that judges compatibility (check, register): the JSON Schema policy and the registry subject names. */
abstract class JudgingMojo extends ContractsMojo {
  /** JSON Schema rules: strict (Confluent's default) or lenient. */
  @Parameter(property = "contracts.policy", defaultValue = "strict")
  String policy;

  /** Registry subject of each topic's second format ({topic} and {format} are replaced). */
  @Parameter(property = "contracts.subjectTemplate", defaultValue = SubjectNaming.DEFAULT_TEMPLATE)
  String subjectTemplate;

  JsonCompatPolicy jsonPolicy() throws MojoExecutionException {
    try {
      return JsonCompatPolicy.valueOf(policy.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("contracts: unknown policy '" + policy + "': use strict or lenient");
    }
  }

  SubjectNaming naming() throws MojoExecutionException {
    try {
      return new SubjectNaming(subjectTemplate);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("contracts: " + e.getMessage());
    }
  }
}
