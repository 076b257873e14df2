package io.github.eventcontracts.tooling.compat;

import io.github.eventcontracts.model.Finding;
import io.github.eventcontracts.model.SchemaFormat;
import io.github.eventcontracts.model.SourceDocument;
import java.util.List;

/**
 * One schema language's compatibility rules, in one direction: can a consumer using {@code reader} read
 * data written with {@code writer}? Levels (BACKWARD, FORWARD, FULL, transitive) are composed from this
 * by {@link CompatibilityCheck}; an engine knows nothing of levels or versions.
 */
public interface CompatibilityEngine {

  SchemaFormat format();

  /**
   * Every reason a consumer using {@code reader} cannot read data written with {@code writer}; empty when
   * it can. Each finding has a stable UPPER_SNAKE rule id, is located in the new schema's document (the
   * one {@code newSide} names) except removals, which point into the old one, carries the path by field
   * names ({@code data.category}), says what changed (from what to what) and gives a hint.
   *
   * @throws io.github.eventcontracts.model.ContractException when a document is not a valid schema
   */
  List<Finding> incompatibilities(SourceDocument writer, SourceDocument reader, Side newSide);
}
