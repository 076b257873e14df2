package io.github.eventcontracts.tooling.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.eventcontracts.model.Finding;
import java.io.PrintWriter;
import java.util.List;

/**
 * How findings are printed: {@code text} ({@code file:line:col: RULE_ID message}), {@code json} (one
 * object per line) or {@code github-actions} (workflow commands that annotate the pull request's lines).
 */
public enum OutputFormat {
  TEXT("text"),
  JSON("json"),
  GITHUB_ACTIONS("github-actions");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final String flag;

  OutputFormat(String flag) {
    this.flag = flag;
  }

  public String flag() {
    return flag;
  }

  public static OutputFormat fromFlag(String value) {
    for (OutputFormat f : values()) {
      if (f.flag.equalsIgnoreCase(value) || f.name().equalsIgnoreCase(value)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + value + "': use text, json or github-actions");
  }

  public void print(List<Finding> findings, PrintWriter out) {
    for (Finding f : findings) {
      out.println(line(f));
    }
  }

  /**
   * Prints breaking findings accepted by the catalog: in text {@code file:line:col: ACCEPTED RULE_ID …
   * Accepted by catalog.yaml:N: reason}, in json with {@code "accepted": true}, {@code accepted_by} and
   * {@code reason}, and in github-actions as {@code ::warning} annotations, so that a review sees them.
   */
  public void printAccepted(List<Accepted> accepted, PrintWriter out) {
    for (Accepted a : accepted) {
      out.println(acceptedLine(a));
    }
  }

  public String acceptedLine(Accepted a) {
    Finding f = a.finding();
    String why = "Accepted by " + a.by() + ": " + a.reason();
    return switch (this) {
      case TEXT -> f.file() + ':' + f.line() + ':' + f.column() + ": ACCEPTED " + f.ruleId() + ' ' + f.message()
          + (f.path().isEmpty() ? "" : " (at " + f.path() + ")") + ". " + why;
      case JSON -> {
        ObjectNode o = (ObjectNode) jsonNode(f);
        o.put("accepted", true).put("accepted_by", a.by()).put("reason", a.reason());
        yield o.toString();
      }
      case GITHUB_ACTIONS -> "::warning file=" + property(f.file()) + ",line=" + Math.max(1, f.line()) + ",col="
          + Math.max(1, f.column()) + ",title=" + property(f.ruleId() + " (accepted)") + "::"
          + data(f.message() + (f.path().isEmpty() ? "" : " (at " + f.path() + ")") + "\n" + why);
    };
  }

  public String line(Finding f) {
    return switch (this) {
      case TEXT -> f.toString();
      case JSON -> json(f);
      case GITHUB_ACTIONS -> githubAnnotation(f);
    };
  }

  /**
   * A finding located in an earlier version ({@code schemas/x.json@1a2b3c4}, a removal) cannot be pinned to
   * a line of the pull request's files: it is annotated on the file as it is now, at its top, and the
   * message says where the removed node was.
   */
  private static String githubAnnotation(Finding f) {
    int at = f.file().lastIndexOf('@');
    boolean earlier = at > 0;
    String file = earlier ? f.file().substring(0, at) : f.file();
    String where = earlier ? " [removed: it was at line " + f.line() + " of " + f.file() + "]" : "";
    return "::error file=" + property(file) + ",line=" + (earlier ? 1 : Math.max(1, f.line())) + ",col="
        + (earlier ? 1 : Math.max(1, f.column())) + ",title=" + property(f.ruleId()) + "::"
        + data(f.message() + (f.path().isEmpty() ? "" : " (at " + f.path() + ")") + where
            + (f.hint().isEmpty() ? "" : "\nFix: " + f.hint()));
  }

  private static String json(Finding f) {
    return jsonNode(f).toString();
  }

  private static ObjectNode jsonNode(Finding f) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("rule", f.ruleId()).put("file", f.file()).put("line", f.line()).put("column", f.column())
        .put("path", f.path()).put("message", f.message()).put("hint", f.hint());
    return o;
  }

  /** Escapes a workflow command's message. */
  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a workflow command's property value. */
  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
