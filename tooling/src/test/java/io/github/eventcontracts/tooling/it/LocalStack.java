package io.github.eventcontracts.tooling.it;

import io.github.eventcontracts.tooling.TestRepo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real local stack (scripts/stack: a KRaft cluster and an Apicurio registry) once per test run,
 * unless it is already up, and stops it after the run if it started it. It starts {@value #BROKERS} brokers, so
 * that every IT of a run shares one stack and the fault tests can stop a broker; tests that pass
 * {@code --replication-factor-override 1} work on it too. A stack that already runs is used as it is
 * ({@link #brokers()} says its size).
 */
public final class LocalStack implements BeforeAllCallback {
  /** Node 1's address: a valid bootstrap address for any stack size ({@link #bootstrapServers()} lists all). */
  public static final String BOOTSTRAP = "127.0.0.1:" + env("KAFKA_PORT", "19092");
  public static final String REGISTRY = "http://127.0.0.1:" + env("REGISTRY_PORT", "18081") + "/apis/ccompat/v7";
  /** The number of brokers of the stack the tests start when none runs. */
  public static final int BROKERS = 3;

  private static volatile int brokers = 1;
  private static volatile String bootstrapServers = BOOTSTRAP;

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(LocalStack.class,
        k -> start(), Stopper.class);
  }

  private static Stopper start() {
    boolean running = stack("status") == 0;
    if (!running && stack("up", "--brokers", Integer.toString(BROKERS)) != 0) {
      throw new IllegalStateException("scripts/stack up --brokers " + BROKERS + " failed; see " + stackDir()
          + "/logs (scripts/stack logs)");
    }
    readEnv();
    return new Stopper(!running);
  }

  /** The brokers of the running stack (1 or 3). */
  public static int brokers() {
    return brokers;
  }

  /** Every broker's address, comma-separated: what a client that must survive a broker's loss bootstraps from. */
  public static String bootstrapServers() {
    return bootstrapServers;
  }

  /** The stack's folder ({@code STACK_DIR}, default {@code .stack} in the repository). */
  public static Path stackDir() {
    String d = System.getenv("STACK_DIR");
    return d == null || d.isBlank() ? TestRepo.repoRoot().resolve(".stack") : Path.of(d);
  }

  /**
   * The PID of a stack process ({@code kafka-1}, {@code kafka-2}, …, {@code registry}), from the stack's pid
   * file, checked to be alive.
   */
  public static long pid(String service) {
    Path file = stackDir().resolve("pids").resolve(service + ".pid");
    try {
      long pid = Long.parseLong(Files.readString(file).strip());
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return pid;
      }
      throw new IllegalStateException(service + " (pid " + pid + " from " + file + ") is not running");
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("no pid of " + service + " in " + file + ": is the stack up? " + e, e);
    }
  }

  /** Sends a signal ({@code KILL}, {@code STOP}, {@code CONT}, {@code TERM}) to a process with kill(1). */
  public static void signal(long pid, String signal) {
    try {
      Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill -" + signal + " " + pid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Reads the running stack's size and broker list from {@code scripts/stack env}. */
  private static void readEnv() {
    try {
      Process p = new ProcessBuilder(TestRepo.repoRoot().resolve("scripts/stack").toString(), "env")
          .directory(TestRepo.repoRoot().toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("scripts/stack env failed: " + out);
      }
      for (String line : out.split("\n")) {
        if (line.startsWith("export STACK_BROKERS=")) {
          brokers = Integer.parseInt(line.substring("export STACK_BROKERS=".length()).strip());
        } else if (line.startsWith("export BOOTSTRAP_SERVERS=")) {
          bootstrapServers = line.substring("export BOOTSTRAP_SERVERS=".length()).strip();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run scripts/stack env", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Stops the stack at the end of the run if this run started it. */
  static final class Stopper implements ExtensionContext.Store.CloseableResource {
    private final boolean startedHere;

    Stopper(boolean startedHere) {
      this.startedHere = startedHere;
    }

    @Override
    public void close() {
      if (startedHere && System.getenv("KEEP_STACK") == null) {
        stack("down");
      }
    }
  }

  /** Runs {@code scripts/stack COMMAND ARGS…} (output to the test's output); its exit code, -1 on timeout. */
  static int stack(String command, String... args) {
    List<String> cmd = new ArrayList<>(List.of(TestRepo.repoRoot().resolve("scripts/stack").toString(), command));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd)
          .directory(TestRepo.repoRoot().toFile())
          .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT)
          .redirectInput(new File("/dev/null")).start();
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run scripts/stack " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
