package io.github.eventcontracts.tooling.compat.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.eventcontracts.model.SourceDocument;
import java.util.List;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.junit.jupiter.api.Test;

/** Replaying Avro's reader-schema locations on the files as written, on both sides. */
class AvroIncompatibilityLocatorTest {

  private static SchemaIndex index(String file, String text) {
    return SchemaIndex.of(SourceDocument.parse(file, text));
  }

  private static List<Incompatibility> check(SchemaIndex reader, SchemaIndex writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader.schema(), writer.schema()).getResult()
        .getIncompatibilities();
  }

  @Test
  void followsFieldsByAliasAndWriterUnionBranches() {
    SchemaIndex writer = index("w.avsc", """
        {"type": "record", "name": "E", "fields": [
          {"name": "z", "type": "int"},
          {"name": "old_name", "type": ["null", "string", "int"]}
        ]}
        """);
    SchemaIndex reader = index("r.avsc", """
        {"type": "record", "name": "E", "fields": [
          {"name": "new_name", "aliases": ["old_name"], "type": "string"}
        ]}
        """);
    List<Incompatibility> found = check(reader, writer);
    assertEquals(List.of("/fields/0/type/0", "/fields/0/type/2"), found.stream().map(Incompatibility::getLocation).toList());
    IncompatibilityLocator.Location at = IncompatibilityLocator.locate(found.get(1), reader.root(), writer.root());
    assertEquals("/fields/0/type", at.reader().site());
    assertEquals("new_name", at.reader().path());
    // the writer side is the writer's field matched through the alias, branch 2 of its union
    assertEquals("/fields/1/type/2", at.writer().site());
    assertEquals("old_name", at.writer().path());
    assertSame(found.get(1).getWriterFragment(), at.writer().schema());
  }

  @Test
  void resolvesReferencesToTheDefinitionButKeepsTheRoute() {
    String text = """
        {"type": "record", "name": "E", "fields": [
          {"name": "a", "type": {"type": "record", "name": "P", "fields": [{"name": "x", "type": "int"}]}},
          {"name": "b", "type": "P"}
        ]}
        """;
    SchemaNode b = index("f.avsc", text).root().fieldType(1);
    assertEquals("/fields/1/type", b.site());
    assertEquals("/fields/0/type", b.defPointer());
    assertEquals(true, b.reference());
    SchemaNode x = b.fieldType(0);
    assertEquals("/fields/0/type/fields/0/type", x.site());
    assertEquals("b.x", x.path());
  }

  @Test
  void fallsBackToTheFragmentWhenAvroReusesAPathFromAnotherRoot() {
    String old = """
        {"type": "record", "name": "Order", "fields": [
          {"name": "billing", "type": ["null", {"type": "record", "name": "Address", "fields": [
            {"name": "zip", "type": "int"}]}], "default": null},
          {"name": "shipping", "type": "Address"}
        ]}
        """;
    SchemaIndex writer = index("old.avsc", old);
    SchemaIndex reader = index("new.avsc", old.replace("\"int\"", "\"string\""));
    List<Incompatibility> found = check(reader, writer);
    Incompatibility reused = found.stream().filter(i -> i.getType() == SchemaIncompatibilityType.TYPE_MISMATCH)
        .findFirst().orElseThrow();
    // Avro's path is relative to Address, not to Order: read from the root it names billing's union
    assertEquals("/fields/0/type", reused.getLocation());
    IncompatibilityLocator.Location at = IncompatibilityLocator.locate(reused, reader.root(), writer.root());
    assertNotNull(at.reader());
    assertEquals("/fields/0/type/1/fields/0/type", at.reader().site());
    assertSame(reused.getReaderFragment(), at.reader().schema());
    assertSame(reused.getWriterFragment(), at.writer().schema());
  }

  @Test
  void parsesJsonPointers() {
    assertEquals(List.of(), IncompatibilityLocator.tokens("/"));
    assertEquals(List.of("fields", "0", "a/b", "~c"), IncompatibilityLocator.tokens("/fields/0/a~1b/~0c"));
  }
}
