package io.github.eventcontracts.maven;

import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.SchemaSource;
import io.github.eventcontracts.registry.RegistryConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every goal shares: the project's schemas folder, loaded once into the contract model, the skip switch,
 * and a registry connection whose credentials come from settings.xml or the environment and are never logged.
 */
abstract class ContractsMojo extends AbstractMojo {
  /** The schemas folder (with catalog.yaml), the contracts this project keeps or proposes. */
  @Parameter(property = "contracts.schemas", defaultValue = "${project.basedir}/schemas")
  File schemas;

  /** Skips the goal. */
  @Parameter(property = "contracts.skip", defaultValue = "false")
  boolean skip;

  /** The {@code <server>} of settings.xml whose username and password (or, without a username, token) the registry takes. */
  @Parameter(property = "contracts.serverId")
  String serverId;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Component
  SettingsDecrypter decrypter;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("contracts: skipped (contracts.skip)");
      return;
    }
    run();
  }

  abstract void run() throws MojoExecutionException, MojoFailureException;

  /**
   * The folder paths are shown relative to: the git work tree the project is in (so that a finding's file is the
   * path GitHub annotates, and git baselines find the schemas folder), else the project's folder.
   */
  Path root() {
    Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
    for (Path p = base; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return base;
  }

  /** The schemas folder relative to {@link #root()}, as findings name it ({@code schemas}, {@code service/schemas}). */
  String schemasFolder() {
    Path dir = schemas.toPath().toAbsolutePath().normalize();
    Path root = root();
    return dir.startsWith(root) ? root.relativize(dir).toString().replace('\\', '/') : dir.toString();
  }

  /** The project's contracts, parsed once; what cannot be read fails the build with every problem, located. */
  ContractModel load() throws MojoExecutionException {
    Path dir = schemas.toPath().toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve(ContractModel.CATALOG_FILE))) {
      throw new MojoExecutionException("contracts: no " + ContractModel.CATALOG_FILE + " in " + dir + ". Keep the "
          + "schemas this project reads or proposes there (a copy of the contracts repository's schemas/ folder), "
          + "or point <schemas> (-Dcontracts.schemas) at the folder that has it.");
    }
    try {
      return ContractModel.load(SchemaSource.directory(dir, schemasFolder()));
    } catch (ContractException e) {
      e.findings().forEach(f -> getLog().error(f.toString()));
      throw new MojoExecutionException("contracts: could not judge: " + e.findings().size()
          + (e.findings().size() == 1 ? " problem" : " problems") + " in " + schemasFolder() + " (above)");
    }
  }

  /**
   * A connection to a registry: credentials from the settings.xml {@code <server>} named by {@code serverId}
   * (passwords decrypted as Maven does), else REGISTRY_USER / REGISTRY_PASSWORD / REGISTRY_TOKEN.
   */
  RegistryConfig registry(String url) throws MojoExecutionException {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new MojoExecutionException("contracts: the registry '" + url + "' is not an http:// or https:// URL "
          + "(e.g. http://127.0.0.1:18081/apis/ccompat/v7)");
    }
    RegistryConfig config = RegistryConfig.of(url);
    if (serverId != null && !serverId.isBlank()) {
      Server server = session.getSettings().getServer(serverId);
      if (server == null) {
        throw new MojoExecutionException("contracts: settings.xml has no <server> with the id '" + serverId + "'");
      }
      SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem p : decrypted.getProblems()) {
        if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
          // the problem's message names the server, never the secret
          throw new MojoExecutionException("contracts: cannot decrypt the credentials of <server> " + serverId + ": "
              + p.getMessage());
        }
      }
      Server s = decrypted.getServer();
      boolean user = s.getUsername() != null && !s.getUsername().isBlank();
      config = new RegistryConfig(url, user ? s.getUsername() : null, user ? s.getPassword() : null,
          user ? null : s.getPassword(), null, null, config.trustStoreType(), config.requestTimeout(), config.deadline());
    }
    return config.withEnvironment(environment());
  }

  Map<String, String> environment() {
    return System.getenv();
  }
}
