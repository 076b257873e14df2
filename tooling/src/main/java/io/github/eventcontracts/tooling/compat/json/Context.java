package io.github.eventcontracts.tooling.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.eventcontracts.tooling.compat.json.Difference.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where a comparison is and what it has found: the field path reached so far, the differences recorded,
 * and, shared by every context of one comparison, the policy, the results of pairs already compared and
 * the pairs under comparison (so that a recursive schema, reached again through its {@code $ref}, ends
 * the recursion instead of looping: the pair is assumed compatible while it is being compared).
 *
 * <p>{@link #at} descends into a field and records into the same list; {@link #trial} opens a scratch
 * list at the same place, for comparisons whose outcome decides what to record (is a removed property
 * covered by {@code additionalProperties}? which branch of a {@code oneOf} matches?).
 */
final class Context {
  private final Shared shared;
  private final String path;
  private final List<Difference> found;

  private record Shared(JsonCompatPolicy policy, Map<Pair, List<Difference>> done, Set<Pair> underway) {}

  /** A pair of nodes by identity: nodes are unique per document location. */
  private record Pair(Schema original, Schema update) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Pair p && p.original == original && p.update == update;
    }

    @Override
    public int hashCode() {
      return Objects.hash(System.identityHashCode(original), System.identityHashCode(update));
    }
  }

  Context(JsonCompatPolicy policy) {
    this(new Shared(policy, new HashMap<>(), new HashSet<>()), "", new ArrayList<>());
  }

  private Context(Shared shared, String path, List<Difference> found) {
    this.shared = shared;
    this.path = path;
    this.found = found;
  }

  /** The same comparison, one field deeper ({@code name}, {@code []}, {@code [2]}, {@code oneOf[1]}). */
  Context at(String segment) {
    return new Context(shared, Paths.join(path, segment), found);
  }

  /** A scratch context at the same place, whose differences are kept only if the caller adds them. */
  Context trial() {
    return new Context(shared, path, new ArrayList<>());
  }

  /** Records a difference at the current path. */
  void add(Type type, String originalPointer, String updatePointer, JsonNode originalValue, JsonNode updateValue) {
    found.add(new Difference(type, path, originalPointer, updatePointer, originalValue, updateValue, List.of()));
  }

  /** Records a difference that carries the differences explaining it. */
  void add(Type type, String originalPointer, String updatePointer, JsonNode originalValue, JsonNode updateValue,
      List<Difference> causes) {
    found.add(new Difference(type, path, originalPointer, updatePointer, originalValue, updateValue, causes));
  }

  /** Keeps everything a trial found. */
  void addAll(Context trial) {
    found.addAll(trial.found);
  }

  List<Difference> differences() {
    return found;
  }

  /** Whether every difference recorded here is compatible under the policy. */
  boolean isCompatible() {
    return found.stream().allMatch(d -> shared.policy.isCompatible(d.type()));
  }

  /** The differences recorded here that the policy does not accept. */
  List<Difference> incompatible() {
    return found.stream().filter(d -> !shared.policy.isCompatible(d.type())).toList();
  }

  /**
   * Runs {@code comparison} for the pair once per comparison: a pair compared before contributes its
   * earlier result (re-rooted at the current path); a pair still being compared further up contributes
   * nothing, which is what ends the recursion of recursive schemas.
   */
  void compareOnce(Schema original, Schema update, Consumer<Context> comparison) {
    Pair key = new Pair(original, update);
    List<Difference> result = shared.done.get(key);
    if (result == null) {
      if (!shared.underway.add(key)) {
        return;
      }
      Context fresh = new Context(shared, "", new ArrayList<>());
      try {
        comparison.accept(fresh);
      } finally {
        shared.underway.remove(key);
      }
      result = List.copyOf(fresh.found);
      shared.done.put(key, result);
    }
    for (Difference d : result) {
      found.add(d.under(path));
    }
  }
}
