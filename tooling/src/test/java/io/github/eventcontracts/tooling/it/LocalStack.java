package io.github.eventcontracts.tooling.it;

import io.github.eventcontracts.tooling.TestRepo;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real local stack (scripts/stack: a KRaft broker and an Apicurio registry) once per test run,
 * unless it is already up, and stops it after the run if it started it.
 */
public final class LocalStack implements BeforeAllCallback {
  public static final String BOOTSTRAP = "127.0.0.1:" + env("KAFKA_PORT", "19092");
  public static final String REGISTRY = "http://127.0.0.1:" + env("REGISTRY_PORT", "18081") + "/apis/ccompat/v7";

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
    if (!running && stack("up") != 0) {
      throw new IllegalStateException("scripts/stack up failed; see .stack/logs (scripts/stack logs)");
    }
    return new Stopper(!running);
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

  static int stack(String command) {
    try {
      Process p = new ProcessBuilder(TestRepo.repoRoot().resolve("scripts/stack").toString(), command)
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
