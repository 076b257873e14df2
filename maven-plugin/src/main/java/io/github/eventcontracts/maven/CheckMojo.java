package io.github.eventcontracts.maven;

import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.registry.RegistryClient;
import io.github.eventcontracts.tooling.compat.json.JsonCompatPolicy;
import io.github.eventcontracts.tooling.gate.Baseline;
import io.github.eventcontracts.tooling.gate.BaselineException;
import io.github.eventcontracts.tooling.gate.Baselines;
import io.github.eventcontracts.tooling.gate.CheckRun;
import io.github.eventcontracts.tooling.gate.JarSchemas;
import io.github.eventcontracts.tooling.registry.SubjectNaming;
import io.github.eventcontracts.tooling.report.OutputFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.version.Version;

/**
 * The compatibility gate on the project's schemas folder: every subject against a baseline at the level the
 * catalog gives it, as {@code contracts check} does. By default the baseline is the {@code event-contracts}
 * version the project depends on, together with every earlier release the repositories hold, so that
 * transitive levels compare with all of them. New subjects pass. Fails the build on a breaking change.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public class CheckMojo extends JudgingMojo {
  /**
   * What to compare with: {@code git:REF}, {@code dir:PATH}, {@code jar:PATH} or {@code registry:URL}, exactly as
   * {@code contracts check --against}. Empty (the default): the {@code event-contracts} dependency of the project.
   */
  @Parameter(property = "contracts.against")
  String against;

  /** With the default baseline, also compare with every earlier release of the dependency (transitive levels). */
  @Parameter(property = "contracts.earlierReleases", defaultValue = "true")
  boolean earlierReleases;

  /** How findings are printed: text (in the build log), json or github-actions (on standard output, as is). */
  @Parameter(property = "contracts.format", defaultValue = "text")
  String format;

  /** The contracts artifact whose bundled schemas are the default baseline. */
  @Parameter(property = "contracts.groupId", defaultValue = "io.github.eventcontracts")
  String contractsGroupId;

  @Parameter(property = "contracts.artifactId", defaultValue = "event-contracts")
  String contractsArtifactId;

  @Component
  RepositorySystem repositorySystem;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
  RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
  List<RemoteRepository> remoteRepositories;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    OutputFormat output;
    try {
      output = OutputFormat.fromFlag(format);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("contracts: " + e.getMessage());
    }
    JsonCompatPolicy jsonPolicy = jsonPolicy();
    SubjectNaming naming = naming();
    ContractModel model = load();
    CheckRun run;
    try {
      Baseline baseline = baseline(model, naming);
      run = CheckRun.of(model, baseline, naming, jsonPolicy);
    } catch (BaselineException e) {
      throw new MojoExecutionException("contracts: " + e.getMessage(), e);
    }
    run.notes().forEach(n -> getLog().info("note: " + n));
    if (output == OutputFormat.TEXT) {
      run.result().accepted().forEach(a -> getLog().warn(output.acceptedLine(a)));
      run.result().findings().forEach(f -> getLog().error(output.line(f)));
    } else {
      // machine formats go to standard output unprefixed: GitHub reads ::error lines only at a line's start
      StringWriter text = new StringWriter();
      run.printFindings(output, new PrintWriter(text, true));
      System.out.print(text);
      System.out.flush();
    }
    if (!run.compatible()) {
      throw new MojoFailureException("contracts: " + run.breakingLine() + ". Make the change compatible (each "
          + "finding says how), or accept it in " + model.catalog().source().file() + " (accepted_breaking_changes).");
    }
    getLog().info(run.compatibleLine());
  }

  private Baseline baseline(ContractModel model, SubjectNaming naming) throws MojoExecutionException {
    if (against != null && !against.isBlank()) {
      String spec = against.trim();
      // dir: and jar: paths are relative to the project, as every path in a pom is
      if (spec.startsWith("dir:") || spec.startsWith("jar:")) {
        spec = spec.substring(0, 4) + project.getBasedir().toPath().resolve(spec.substring(4)).normalize();
      }
      return Baselines.load(spec, root(), schemasFolder(), model.catalog(), naming, url -> {
        try {
          return new RegistryClient(registry(url));
        } catch (MojoExecutionException e) {
          throw new BaselineException(e.getMessage().replaceFirst("^contracts: ", ""));
        }
      });
    }
    Artifact dependency = project.getArtifacts().stream()
        .filter(a -> a.getGroupId().equals(contractsGroupId) && a.getArtifactId().equals(contractsArtifactId)
            && "jar".equals(a.getType()))
        .findFirst().orElse(null);
    if (dependency == null || dependency.getFile() == null) {
      throw new MojoExecutionException("contracts: no baseline: the project does not depend on " + contractsGroupId + ":"
          + contractsArtifactId + ", whose bundled schemas are what its " + schemasFolder() + " folder is checked "
          + "against. Add the dependency (the version the service builds with), or set <against> "
          + "(-Dcontracts.against=git:<ref>, dir:<path>, jar:<path> or registry:<url>).");
    }
    List<Baselines.Release> releases = new ArrayList<>();
    List<String> earlier = earlierReleases ? earlierReleases(dependency) : List.of();
    for (String version : earlier) {
      Path jar = resolve(dependency, version);
      releases.add(new Baselines.Release(contractsArtifactId + " " + version,
          JarSchemas.open(jar, jar.getFileName().toString())));
    }
    Path pinned = dependency.getFile().toPath();
    releases.add(new Baselines.Release(contractsArtifactId + " " + dependency.getVersion(),
        JarSchemas.open(pinned, pinned.getFileName().toString())));
    String description = contractsArtifactId + " " + dependency.getVersion()
        + (earlier.isEmpty() ? "" : " and " + earlier.size() + " earlier " + (earlier.size() == 1 ? "release" : "releases"));
    return Baselines.releases(description, releases);
  }

  /** The released versions of the contracts artifact before the pinned one, oldest first. */
  private List<String> earlierReleases(Artifact dependency) throws MojoExecutionException {
    VersionRangeRequest request = new VersionRangeRequest(new DefaultArtifact(dependency.getGroupId(),
        dependency.getArtifactId(), "jar", "[0," + dependency.getBaseVersion() + ")"), remoteRepositories, null);
    try {
      List<String> out = new ArrayList<>();
      for (Version v : repositorySystem.resolveVersionRange(repositorySession, request).getVersions()) {
        if (!v.toString().endsWith("-SNAPSHOT")) {
          out.add(v.toString());
        }
      }
      return out;
    } catch (VersionRangeResolutionException e) {
      throw new MojoExecutionException("contracts: cannot list the earlier releases of " + dependency.getGroupId() + ":"
          + dependency.getArtifactId() + " (" + e.getMessage() + "); pass -Dcontracts.earlierReleases=false to compare "
          + "with the pinned version only (transitive levels then see one version)", e);
    }
  }

  private Path resolve(Artifact dependency, String version) throws MojoExecutionException {
    ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(dependency.getGroupId(),
        dependency.getArtifactId(), "jar", version), remoteRepositories, null);
    try {
      return repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("contracts: cannot download " + dependency.getArtifactId() + " " + version
          + ", an earlier release the transitive levels compare with: " + e.getMessage()
          + "; pass -Dcontracts.earlierReleases=false to compare with the pinned version only", e);
    }
  }
}
