package io.github.eventcontracts.tooling.report;

import io.github.eventcontracts.model.Finding;

/**
 * A breaking finding accepted by an entry of the catalog's {@code accepted_breaking_changes}: shown in every
 * output format, with the entry's location and reason, never dropped.
 *
 * @param finding the finding as the gate found it
 * @param by      where the accepting entry is ({@code schemas/catalog.yaml:84})
 * @param reason  the entry's written reason
 */
public record Accepted(Finding finding, String by, String reason) {}
