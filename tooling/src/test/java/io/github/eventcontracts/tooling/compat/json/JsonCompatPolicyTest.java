package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policies are data: the lenient set is the strict one plus the robustness-principle changes. */
class JsonCompatPolicyTest {
  @Test
  void lenientIsStrictPlusTheChangesReadersThatIgnoreUnknownPropertiesTolerate() {
    Set<Difference.Type> extra = EnumSet.copyOf(JsonCompatPolicy.LENIENT.compatibleChanges());
    extra.removeAll(JsonCompatPolicy.STRICT.compatibleChanges());
    assertTrue(JsonCompatPolicy.LENIENT.compatibleChanges().containsAll(JsonCompatPolicy.STRICT.compatibleChanges()));
    assertEquals(EnumSet.of(ADDITIONAL_PROPERTIES_NARROWED, ADDITIONAL_PROPERTIES_REMOVED,
        OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL,
        OPTIONAL_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
        PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL, UNEVALUATED_PROPERTIES_REMOVED,
        UNEVALUATED_PROPERTIES_NARROWED, REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED,
        REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL), extra);
  }

  @Test
  void strictRefusesARequiredPropertyWithADefaultSinceNoValidatorAppliesDefaults() {
    for (Difference.Type t : EnumSet.of(REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED,
        REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL, REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL)) {
      assertTrue(!JsonCompatPolicy.STRICT.isCompatible(t), "STRICT accepts " + t);
    }
  }

  @Test
  void tighteningIsIncompatibleUnderBothPolicies() {
    for (JsonCompatPolicy p : JsonCompatPolicy.values()) {
      for (Difference.Type t : EnumSet.of(TYPE_CHANGED, MAX_LENGTH_DECREASED, REQUIRED_ATTRIBUTE_ADDED,
          REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, ENUM_ARRAY_NARROWED,
          SUM_TYPE_NARROWED, COMBINED_TYPE_SUBSCHEMAS_CHANGED, UNEVALUATED_ITEMS_REMOVED, UNEVALUATED_ITEMS_NARROWED,
          MIN_CONTAINS_ADDED, MIN_CONTAINS_INCREASED, MAX_CONTAINS_ADDED, MAX_CONTAINS_DECREASED)) {
        assertTrue(!p.isCompatible(t), p + " accepts " + t);
      }
    }
  }

  @Test
  void aChangeTheEngineCannotJudgeNeverPasses() {
    for (JsonCompatPolicy p : JsonCompatPolicy.values()) {
      assertTrue(!p.isCompatible(UNSUPPORTED_KEYWORD_CHANGED), p + " accepts an unsupported keyword change");
    }
  }

  @Test
  void relaxingTheNewArrayAndObjectKeywordsIsCompatibleUnderBothPolicies() {
    for (JsonCompatPolicy p : JsonCompatPolicy.values()) {
      for (Difference.Type t : EnumSet.of(UNEVALUATED_PROPERTIES_ADDED, UNEVALUATED_PROPERTIES_EXTENDED,
          UNEVALUATED_ITEMS_ADDED, UNEVALUATED_ITEMS_EXTENDED, MIN_CONTAINS_REMOVED, MIN_CONTAINS_DECREASED,
          MAX_CONTAINS_REMOVED, MAX_CONTAINS_INCREASED)) {
        assertTrue(p.isCompatible(t), p + " rejects " + t);
      }
    }
  }

  @Test
  void theSetsCannotBeChangedByCallers() {
    assertThrows(UnsupportedOperationException.class, () -> JsonCompatPolicy.STRICT.compatibleChanges().add(TYPE_CHANGED));
  }
}
