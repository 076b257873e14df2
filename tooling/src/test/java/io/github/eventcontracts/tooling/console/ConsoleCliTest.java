package io.github.eventcontracts.tooling.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.tooling.TestRepo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The produce and consume commands' arguments, help and dry run: everything that needs no broker. */
class ConsoleCliTest {
  @TempDir
  Path tmp;

  private Path file(String text) throws Exception {
    Path f = tmp.resolve("events.jsonl");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void dryRunExitsZeroWhenEveryLineIsValidAndOneHundredWhenSomeAreNot() throws Exception {
    Path ok = file(ConsoleProducerTest.SKILL + "\n" + ConsoleProducerTest.PROJECT + "\n");
    TestRepo.Run run = TestRepo.run("produce", "--dry-run", "--file", ok.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("Dry run: 2 events would be sent: 1 to skill.created (avro), 1 to project.completed "
        + "(avro). Nothing was sent."), run.out());

    Path mixed = file(ConsoleProducerTest.SKILL + "\n{\"event_type\":\"project.completed\"}\n");
    TestRepo.Run some = TestRepo.run("produce", "--dry-run", "--format", "json", "--file", mixed.toString());
    assertEquals(100, some.exit(), some.out() + some.err());
    assertTrue(some.err().startsWith(mixed + ":2: invalid project.completed event"), some.err());
    assertTrue(some.out().contains("1 to skill.created (json); 1 invalid line not sent"), some.out());
  }

  @Test
  void readsStandardInputNamedDash() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(("\n{\"event_type\":1}\n").getBytes(StandardCharsets.UTF_8)));
      TestRepo.Run run = TestRepo.run("produce", "--dry-run");
      assertEquals(100, run.exit(), run.out() + run.err());
      assertTrue(run.err().startsWith("-:2: "), run.err());
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void badArgumentsAreExitOneWithTheFix() throws Exception {
    Path ok = file(ConsoleProducerTest.SKILL + "\n");
    TestRepo.Run noBrokers = TestRepo.run("produce", "--bootstrap-servers", "", "--file", ok.toString());
    assertEquals(1, noBrokers.exit());
    assertTrue(noBrokers.err().contains("no brokers: pass --bootstrap-servers"), noBrokers.err());

    TestRepo.Run noRegistry = TestRepo.run("produce", "--bootstrap-servers", "127.0.0.1:1", "--registry", "",
        "--file", ok.toString());
    assertEquals(1, noRegistry.exit());
    assertTrue(noRegistry.err().contains("no registry") && noRegistry.err().contains("--format json"), noRegistry.err());

    TestRepo.Run missing = TestRepo.run("produce", "--dry-run", "--file", tmp.resolve("nope.jsonl").toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("cannot read --file"), missing.err());

    TestRepo.Run format = TestRepo.run("produce", "--dry-run", "--format", "xml");
    assertEquals(1, format.exit());
    assertTrue(format.err().contains("use avro or json"), format.err());

    TestRepo.Run unknown = TestRepo.run("consume", "--follow");
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().contains("Unknown option: '--follow'") && unknown.err().contains("contracts consume --help"),
        unknown.err());

    TestRepo.Run zero = TestRepo.run("consume", "--bootstrap-servers", "127.0.0.1:1", "--max-messages", "0");
    assertEquals(1, zero.exit());
    assertTrue(zero.err().contains("--max-messages must be 1 or more"), zero.err());

    TestRepo.Run noBrokersConsume = TestRepo.run("consume", "--bootstrap-servers", " ");
    assertEquals(1, noBrokersConsume.exit());
    assertTrue(noBrokersConsume.err().contains("no brokers"), noBrokersConsume.err());
  }

  @Test
  void helpDescribesEveryOptionAndTheExitCodes() {
    for (String command : new String[] {"produce", "consume"}) {
      TestRepo.Run help = TestRepo.run(command, "--help");
      assertEquals(0, help.exit());
      for (String s : new String[] {"--bootstrap-servers", "--registry", "--command-config", "--broker-timeout-ms",
          "--user", "--token", "Exit codes: 0"}) {
        assertTrue(help.out().contains(s), command + " --help lacks " + s + ":\n" + help.out());
      }
    }
    assertTrue(TestRepo.run("consume", "--help").out().contains("--print-metadata"));
    assertTrue(TestRepo.run("produce", "--help").out().contains("FILE:LINE: reason"));
  }
}
