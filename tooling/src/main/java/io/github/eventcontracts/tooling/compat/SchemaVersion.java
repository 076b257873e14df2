package io.github.eventcontracts.tooling.compat;

import io.github.eventcontracts.model.SourceDocument;

/**
 * One earlier version of a schema, as a baseline holds it.
 *
 * @param label    how the version is named in messages ({@code abc1234}, {@code registry version 3})
 * @param document the schema as parsed, with positions
 */
public record SchemaVersion(String label, SourceDocument document) {}
