package io.github.eventcontracts.tooling.compat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SourceDocument;
import io.github.eventcontracts.tooling.compat.Side;
import io.github.eventcontracts.tooling.compat.json.Difference.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of difference a policy can reject reads as a finding, in both directions. */
class ExplanationsTest {
  private static final SourceDocument OLD = SourceDocument.parse("old.json", "{\n  \"type\": \"string\"\n}");
  private static final SourceDocument NEW = SourceDocument.parse("new.json", "{\n\n  \"type\": \"integer\"\n}");

  private static Difference difference(Type type, String originalPointer, String updatePointer) {
    return new Difference(type, "data.pair[1]", originalPointer, updatePointer, TextNode.valueOf("a"),
        TextNode.valueOf("b"), List.of());
  }

  @Test
  void everyTypeAPolicyCanRejectHasAMessageAndAHintForBothSides() {
    for (Type type : Type.values()) {
      if (JsonCompatPolicy.STRICT.isCompatible(type)) {
        continue;
      }
      for (Side side : Side.values()) {
        Finding f = Explanations.finding(difference(type, "/type", "/type"), OLD, NEW, side);
        assertEquals("JSON_" + type.name(), f.ruleId());
        // a change the engine cannot judge may break consumers; every other rejected change does
        String verb = type == Type.UNSUPPORTED_KEYWORD_CHANGED ? "may be unable to read" : "cannot read";
        assertTrue(f.message().endsWith(side == Side.READER
            ? "consumers using the new schema " + verb + " data written with the old one"
            : "consumers still on the old schema " + verb + " data written with the new one"), f.message());
        assertFalse(f.hint().isEmpty(), type + " has no hint");
      }
    }
  }

  @Test
  void aFindingIsInTheNewDocumentUnlessOnlyTheOldHasTheNode() {
    Finding backward = Explanations.finding(difference(Type.TYPE_CHANGED, "/type", "/type"), OLD, NEW, Side.READER);
    assertEquals(List.of("new.json", 3, 3), List.of(backward.file(), backward.line(), backward.column()));
    Finding forward = Explanations.finding(difference(Type.TYPE_CHANGED, "/type", "/type"), NEW, OLD, Side.WRITER);
    assertEquals(List.of("new.json", 3, 3), List.of(forward.file(), forward.line(), forward.column()));
    Finding removal = Explanations.finding(difference(Type.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, "/type", null),
        OLD, NEW, Side.READER);
    assertEquals(List.of("old.json", 2, 3), List.of(removal.file(), removal.line(), removal.column()));
  }

  @Test
  void aDifferenceEveryPolicyAcceptsIsNeverTurnedIntoAFinding() {
    assertThrows(IllegalStateException.class,
        () -> Explanations.finding(difference(Type.TITLE_CHANGED, "/type", "/type"), OLD, NEW, Side.READER));
  }
}
