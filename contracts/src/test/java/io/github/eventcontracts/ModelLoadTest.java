package io.github.eventcontracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.eventcontracts.model.ContractException;
import io.github.eventcontracts.model.ContractModel;
import io.github.eventcontracts.model.SchemaSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas folder loads; broken copies of it fail with the file, line and reason. Each folder under
 * fixtures/broken is a case; its expected.txt lists substrings the error message must contain.
 */
class ModelLoadTest {
  static final Path BROKEN = RepoFiles.root().resolve("contracts/src/test/resources/fixtures/broken");

  @Test
  void theRepositorysSchemasLoad() {
    ContractModel model = ContractModel.load(RepoFiles.schemas());
    assertEquals(5, model.events().size());
    model.events().forEach(e -> assertEquals(e.topic().name(), e.eventType()));
  }

  @Test
  void theBundledCopyEqualsTheWorkTree() {
    ContractModel bundled = ContractModel.bundled();
    ContractModel tree = ContractModel.load(RepoFiles.schemas());
    assertEquals(tree.catalog().topics(), bundled.catalog().topics());
    for (var e : tree.events()) {
      assertEquals(e.avroSchema(), bundled.event(e.eventType()).orElseThrow().avroSchema());
    }
  }

  static Stream<Path> brokenCases() throws Exception {
    try (Stream<Path> s = Files.list(BROKEN)) {
      return s.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCases")
  void brokenSchemasFailNamingFileAndLine(Path dir) throws Exception {
    ContractException e = assertThrows(ContractException.class,
        () -> ContractModel.load(SchemaSource.directory(dir, "schemas")));
    List<String> expected = Files.readAllLines(dir.resolve("expected.txt")).stream().filter(l -> !l.isBlank()).toList();
    assertTrue(!expected.isEmpty(), "expected.txt is empty in " + dir);
    for (String want : expected) {
      assertTrue(e.getMessage().contains(want), "expected '" + want + "' in:\n" + e.getMessage());
    }
  }
}
