package io.github.eventcontracts.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of {@code contracts check} as users run it: a new process each time, JVM start included
 * (scripts/contracts' java flags). JMH's sample mode reports the median as p0.50.
 *
 * <p>Needs the CLI jar: pass its path in system property {@code contracts.cli.jar} (benchmarks/run does).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class GateBenchmark {

  /** The real repository, checked against its own HEAD (all subjects, every committed version). */
  @State(Scope.Benchmark)
  public static class ThisRepo {
    Path repo;

    @Setup(Level.Trial)
    public void setUp() {
      repo = Path.of(System.getProperty("contracts.repo.dir", ".")).toAbsolutePath().normalize();
    }
  }

  /** A synthetic repository: 250 topics x 2 formats = 500 subjects, each with {@code versions} versions. */
  @State(Scope.Benchmark)
  public static class Synthetic {
    @Param({"5", "10", "20"})
    int versions;

    @Param({"250"})
    int topics;

    Path repo;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      repo = SyntheticRepo.create(topics, versions);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      try (Stream<Path> s = Files.walk(repo)) {
        s.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Benchmark
  @Warmup(iterations = 1, time = 5)
  @Measurement(iterations = 3, time = 10)
  public int checkThisRepository(ThisRepo s) throws Exception {
    return check(s.repo, "git:HEAD");
  }

  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 3, time = 12)
  public int check500SubjectsTransitive(Synthetic s) throws Exception {
    // HEAD~1 as the baseline: the last commit is the change under review, every earlier one a version
    return check(s.repo, "git:HEAD~1");
  }

  static int check(Path repo, String against) throws IOException, InterruptedException {
    String jar = System.getProperty("contracts.cli.jar");
    if (jar == null) {
      throw new IllegalStateException("set -Dcontracts.cli.jar=<path to event-contracts-tooling-*-cli.jar>");
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-jar", jar,
        "check", "--against", against, "--repo", repo.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int exit = p.waitFor();
    if (exit != 0) {
      throw new IllegalStateException("check exited " + exit + " on " + repo);
    }
    return exit;
  }
}
