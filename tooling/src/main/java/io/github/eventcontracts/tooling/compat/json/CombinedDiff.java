package io.github.eventcontracts.tooling.compat.json;

import static io.github.eventcontracts.tooling.compat.json.Difference.Type.*;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.eventcontracts.tooling.compat.json.Schema.Branch;
import io.github.eventcontracts.tooling.compat.json.Schema.CombinedPart;
import io.github.eventcontracts.tooling.compat.json.Schema.Criterion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares {@code allOf} (a product: a value must match every branch), {@code anyOf} and {@code oneOf}
 * (sums: a value must match some branch), and schemas moved into or out of them.
 *
 * <p>Two combinations: changing the keyword is compatible ({@link Difference.Type#COMBINED_TYPE_EXTENDED})
 * towards {@code anyOf}, between single-branch combinations, from a single-branch combination to
 * {@code oneOf}, and from {@code allOf} to a single-branch combination (a value matching every branch
 * matches the one kept); else it is {@link Difference.Type#COMBINED_TYPE_CHANGED}. Then every original branch
 * is compared with every update branch, and a maximum matching of the compatible pairs must cover the
 * smaller side, or the branches changed ({@link Difference.Type#COMBINED_TYPE_SUBSCHEMAS_CHANGED}); a branch the
 * update's {@code oneOf} newly repeats rejects its values ({@link Difference.Type#SUM_TYPE_NARROWED}). More
 * branches extend the combination, after the update's keyword ({@code PRODUCT_TYPE_EXTENDED} for
 * {@code allOf}, else {@code SUM_TYPE_EXTENDED}); fewer narrow it, after the original's keyword
 * ({@code SUM_TYPE_NARROWED} for {@code anyOf}/{@code oneOf}, else {@code PRODUCT_TYPE_NARROWED}: dropping
 * branches of a product only relaxes it), as Confluent's current checker does.
 *
 * <p>A schema and a combination: a single-branch combination is transparent. A schema moved into a sum is
 * fine when one branch accepts it ({@link Difference.Type#SUM_TYPE_EXTENDED}); moved into a product, when
 * every branch accepts it (only some: {@link Difference.Type#PRODUCT_TYPE_EXTENDED}). Taken out of a
 * product, it is fine when it accepts one branch ({@link Difference.Type#PRODUCT_TYPE_NARROWED}); out of a
 * sum, when it accepts every branch (only some: {@link Difference.Type#SUM_TYPE_NARROWED}).
 */
final class CombinedDiff {
  private CombinedDiff() {}

  /**
   * Handles a pair where exactly one side is nothing but a combination; returns false when the pair is
   * not such a move, or when no branch relates to the other schema (then it is compared as a type change).
   */
  static boolean comparedAsMove(Context ctx, Schema o, Schema u) {
    CombinedPart oc = o.combinedOnly();
    CombinedPart uc = u.combinedOnly();
    if (oc == null && uc != null) {
      return intoCombination(ctx, o, uc);
    }
    if (oc != null && uc == null) {
      return outOfCombination(ctx, oc, u);
    }
    return false;
  }

  private static boolean intoCombination(Context ctx, Schema o, CombinedPart uc) {
    if (uc.branches().size() == 1) {
      SchemaDiff.compare(ctx, o, uc.branches().get(0).schema());
      return true;
    }
    List<Context> trials = new ArrayList<>();
    for (Branch b : uc.branches()) {
      Context t = ctx.trial();
      SchemaDiff.compare(t, o, b.schema());
      trials.add(t);
    }
    Difference.Type partly = uc.criterion().isSum() ? SUM_TYPE_EXTENDED : PRODUCT_TYPE_EXTENDED;
    // a sum needs one branch to accept the schema, a product every branch
    boolean needsAll = !uc.criterion().isSum();
    return settle(ctx, trials, needsAll, partly, o.pointer(), uc.pointer(), SchemaDiff.describe(o).textValue(),
        SchemaDiff.describe(uc).textValue());
  }

  private static boolean outOfCombination(Context ctx, CombinedPart oc, Schema u) {
    if (oc.branches().size() == 1) {
      SchemaDiff.compare(ctx, oc.branches().get(0).schema(), u);
      return true;
    }
    List<Context> trials = new ArrayList<>();
    for (Branch b : oc.branches()) {
      Context t = ctx.trial();
      SchemaDiff.compare(t, b.schema(), u);
      trials.add(t);
    }
    Difference.Type partly = oc.criterion().isSum() ? SUM_TYPE_NARROWED : PRODUCT_TYPE_NARROWED;
    // every branch of a sum must still be accepted, one branch of a product suffices
    boolean needsAll = oc.criterion().isSum();
    return settle(ctx, trials, needsAll, partly, oc.pointer(), u.pointer(), SchemaDiff.describe(oc).textValue(),
        SchemaDiff.describe(u).textValue());
  }

  /**
   * Records the outcome of a move: all trials compatible, or one when one suffices, keeps their
   * differences; some compatible when all are needed keeps the first and adds {@code partly}; none
   * compatible leaves the pair to be compared as a type change.
   */
  private static boolean settle(Context ctx, List<Context> trials, boolean needsAll, Difference.Type partly,
      String originalPointer, String updatePointer, String from, String to) {
    List<Context> compatible = trials.stream().filter(Context::isCompatible).toList();
    if (compatible.isEmpty()) {
      return false;
    }
    if (needsAll && compatible.size() == trials.size()) {
      trials.forEach(ctx::addAll);
      return true;
    }
    ctx.addAll(compatible.get(0));
    ctx.add(partly, originalPointer, updatePointer, TextNode.valueOf(from), TextNode.valueOf(to));
    return true;
  }

  /** Two combinations. */
  static void compare(Context ctx, CombinedPart o, CombinedPart u) {
    Difference.Type criteria = criteria(o, u);
    if (criteria != null) {
      ctx.add(criteria, o.pointer(), u.pointer(), TextNode.valueOf(o.criterion().keyword),
          TextNode.valueOf(u.criterion().keyword));
      if (criteria == COMBINED_TYPE_CHANGED) {
        return;
      }
    }
    Set<String> newlyRejected = new HashSet<>(repeatedInOneOf(u));
    newlyRejected.removeAll(repeatedInOneOf(o));
    if (!newlyRejected.isEmpty()) {
      // the reader's oneOf now rejects every value of a repeated branch (it matches twice)
      ctx.add(SUM_TYPE_NARROWED, o.pointer(), u.pointer(), SchemaDiff.describe(o), SchemaDiff.describe(u));
    }
    List<Branch> a = distinct(o.branches());
    List<Branch> b = distinct(u.branches());
    if (a.size() != b.size()) {
      // extending goes by the update's keyword, narrowing by the original's: fewer branches of an allOf
      // relax it whatever the update's keyword (which criteria() has already allowed)
      Difference.Type type = a.size() < b.size()
          ? (u.criterion() == Criterion.ALL_OF ? PRODUCT_TYPE_EXTENDED : SUM_TYPE_EXTENDED)
          : (o.criterion().isSum() ? SUM_TYPE_NARROWED : PRODUCT_TYPE_NARROWED);
      ctx.add(type, o.pointer(), u.pointer(), SchemaDiff.describe(o), SchemaDiff.describe(u));
    }
    Context[][] trials = new Context[a.size()][b.size()];
    boolean[][] compatible = new boolean[a.size()][b.size()];
    for (int i = 0; i < a.size(); i++) {
      Context branch = ctx.at(o.criterion().keyword + "[" + a.get(i).index() + "]");
      for (int j = 0; j < b.size(); j++) {
        trials[i][j] = branch.trial();
        SchemaDiff.compare(trials[i][j], a.get(i).schema(), b.get(j).schema());
        compatible[i][j] = trials[i][j].isCompatible();
      }
    }
    int[] matched = maximumMatching(compatible, b.size());
    int size = 0;
    for (int i = 0; i < a.size(); i++) {
      if (matched[i] >= 0) {
        ctx.addAll(trials[i][matched[i]]);
        size++;
      }
    }
    if (size < Math.min(a.size(), b.size())) {
      int[] closest = closestUnmatched(trials, matched);
      Branch from = a.get(closest[0]);
      Branch to = b.get(closest[1]);
      ctx.at(o.criterion().keyword + "[" + from.index() + "]").add(COMBINED_TYPE_SUBSCHEMAS_CHANGED,
          Paths.child(o.pointer(), from.index()), Paths.child(u.pointer(), to.index()),
          TextNode.valueOf(o.criterion().keyword + "[" + from.index() + "]"),
          TextNode.valueOf(u.criterion().keyword + "[" + to.index() + "]"),
          trials[closest[0]][closest[1]].incompatible());
    }
  }

  private static Difference.Type criteria(CombinedPart o, CombinedPart u) {
    if (o.criterion() == u.criterion()) {
      return null;
    }
    boolean singleO = o.branches().size() == 1;
    boolean singleU = u.branches().size() == 1;
    boolean allowed = u.criterion() == Criterion.ANY_OF
        || singleO && singleU
        || singleO && u.criterion() == Criterion.ONE_OF
        || singleU && o.criterion() == Criterion.ALL_OF;
    return allowed ? COMBINED_TYPE_EXTENDED : COMBINED_TYPE_CHANGED;
  }

  /**
   * The branches a {@code oneOf} repeats: a value matching one matches it twice, so the {@code oneOf} rejects it.
   * A repeat the update adds narrows the sum ({@link Difference.Type#SUM_TYPE_NARROWED}, judged as if the repeated
   * branch's values were all still allowed elsewhere: fail closed); a repeat it removes only widens it.
   */
  private static Set<String> repeatedInOneOf(CombinedPart c) {
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new HashSet<>();
    if (c.criterion() == Criterion.ONE_OF) {
      c.branches().forEach(b -> {
        if (!seen.add(b.canonical())) {
          repeated.add(b.canonical());
        }
      });
    }
    return repeated;
  }

  /** Branches without repeats (in allOf and anyOf a repeated branch adds nothing; for oneOf see above). */
  private static List<Branch> distinct(List<Branch> branches) {
    Set<String> seen = new HashSet<>();
    return branches.stream().filter(b -> seen.add(b.canonical())).toList();
  }

  /**
   * The unmatched original branch and unmatched update branch that came closest (the fewest incompatible
   * differences), to say which branch broke and how; as {@code {original index, update index}} into the
   * distinct branch lists. Both sides have an unmatched branch whenever the matching falls short.
   */
  private static int[] closestUnmatched(Context[][] trials, int[] matched) {
    Set<Integer> usedUpdates = new HashSet<>();
    Arrays.stream(matched).filter(j -> j >= 0).forEach(usedUpdates::add);
    int[] best = null;
    int bestCount = Integer.MAX_VALUE;
    for (int i = 0; i < trials.length; i++) {
      for (int j = 0; j < trials[i].length && matched[i] < 0; j++) {
        int count = trials[i][j].incompatible().size();
        if (!usedUpdates.contains(j) && count < bestCount) {
          best = new int[] {i, j};
          bestCount = count;
        }
      }
    }
    return best;
  }

  /** Kuhn's augmenting paths: for each original branch, the update branch it is matched to, or -1. */
  private static int[] maximumMatching(boolean[][] compatible, int updates) {
    int[] ownerOf = new int[updates];
    Arrays.fill(ownerOf, -1);
    for (int i = 0; i < compatible.length; i++) {
      augment(i, compatible, ownerOf, new boolean[updates]);
    }
    int[] matched = new int[compatible.length];
    Arrays.fill(matched, -1);
    for (int j = 0; j < updates; j++) {
      if (ownerOf[j] >= 0) {
        matched[ownerOf[j]] = j;
      }
    }
    return matched;
  }

  private static boolean augment(int i, boolean[][] compatible, int[] ownerOf, boolean[] visited) {
    for (int j = 0; j < ownerOf.length; j++) {
      if (compatible[i][j] && !visited[j]) {
        visited[j] = true;
        if (ownerOf[j] < 0 || augment(ownerOf[j], compatible, ownerOf, visited)) {
          ownerOf[j] = i;
          return true;
        }
      }
    }
    return false;
  }
}
