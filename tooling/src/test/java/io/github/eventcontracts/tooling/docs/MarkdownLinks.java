package io.github.eventcontracts.tooling.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the relative links of hand-written Markdown: every {@code [text](target)}, image and reference
 * definition whose target is not a URL must name a file or folder that exists in the repository, and a
 * {@code #anchor} into a Markdown file (or into the same file) must be the slug GitHub gives one of its headings
 * (lowercase; characters other than letters, digits, marks, '_', '-' and spaces dropped; spaces become '-'; a
 * repeated slug gets -1, -2, ...) or an explicit {@code <a name|id="...">}. Fenced code blocks and inline code
 * are not read. Problems are reported as {@code file:line: broken link TARGET: reason}.
 */
final class MarkdownLinks {
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REF_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
  private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
  private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+[^>]*(?:name|id)=\"([^\"]+)\"");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private final Path root;
  private final Map<Path, Set<String>> anchors = new HashMap<>();

  MarkdownLinks(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Every .md file under the root outside target/ and hidden folders, except {@code excluded} (root-relative). */
  static List<Path> markdownFiles(Path root, Set<String> excluded) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
          .filter(p -> {
            Path rel = root.relativize(p);
            for (Path part : rel) {
              String n = part.toString();
              if (n.equals("target") || n.equals("node_modules") || n.startsWith(".")) {
                return false;
              }
            }
            return !excluded.contains(rel.toString().replace('\\', '/'));
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The broken links of these files, in file and line order. */
  List<String> check(List<Path> files) {
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      Path file = f.toAbsolutePath().normalize();
      List<String> lines = read(file);
      boolean[] code = codeLines(lines);
      for (int i = 0; i < lines.size(); i++) {
        if (code[i]) {
          continue;
        }
        String text = CODE_SPAN.matcher(lines.get(i)).replaceAll(m -> " ".repeat(m.group().length()));
        List<String> targets = new ArrayList<>();
        Matcher m = INLINE_LINK.matcher(text);
        while (m.find()) {
          targets.add(m.group(2));
        }
        Matcher d = REF_DEFINITION.matcher(text);
        if (d.find()) {
          targets.add(d.group(1));
        }
        for (String target : targets) {
          String problem = problem(file, target);
          if (problem != null) {
            problems.add(root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + ": broken link "
                + target + ": " + problem);
          }
        }
      }
    }
    return problems;
  }

  /** What is wrong with a link target written in {@code file}, or null when it resolves. */
  private String problem(Path file, String target) {
    if (target.isEmpty()) {
      return "empty target";
    }
    if (SCHEME.matcher(target).find() || target.startsWith("//")) {
      return null;
    }
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    int query = pathPart.indexOf('?');
    if (query >= 0) {
      pathPart = pathPart.substring(0, query);
    }
    Path resolved;
    if (pathPart.isEmpty()) {
      resolved = file;
    } else {
      String decoded = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
      resolved = (decoded.startsWith("/") ? root.resolve(decoded.substring(1)) : file.getParent().resolve(decoded))
          .normalize();
      if (!resolved.startsWith(root)) {
        return "points outside the repository";
      }
      if (!Files.exists(resolved)) {
        return "no such file " + root.relativize(resolved).toString().replace('\\', '/');
      }
    }
    if (anchor != null && resolved.toString().endsWith(".md") && Files.isRegularFile(resolved)) {
      String wanted = URLDecoder.decode(anchor.replace("+", "%2B"), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      if (!anchors.computeIfAbsent(resolved, MarkdownLinks::anchorsOf).contains(wanted)) {
        return "no heading with anchor #" + anchor + " in " + root.relativize(resolved).toString().replace('\\', '/');
      }
    }
    return null;
  }

  /** The anchors GitHub gives a Markdown file: one per heading, duplicates numbered, and explicit ones. */
  static Set<String> anchorsOf(Path file) {
    List<String> lines = read(file);
    boolean[] code = codeLines(lines);
    Set<String> out = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (code[i]) {
        continue;
      }
      String line = lines.get(i);
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        out.add(html.group(1).toLowerCase(Locale.ROOT));
      }
      String heading = null;
      Matcher atx = ATX_HEADING.matcher(line);
      if (atx.matches()) {
        heading = atx.group(1) == null ? "" : atx.group(1);
      } else if (i + 1 < lines.size() && !code[i + 1] && !line.isBlank() && SETEXT_UNDERLINE.matcher(lines.get(i + 1)).matches()
          && !line.trim().startsWith("|") && !line.trim().startsWith("-") && !line.trim().startsWith("*")) {
        heading = line.trim();
      }
      if (heading != null) {
        String slug = slug(heading);
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        out.add(n == 0 ? slug : slug + "-" + n);
      }
    }
    return out;
  }

  /** GitHub's slug of a heading's Markdown text. */
  static String slug(String heading) {
    StringBuilder text = new StringBuilder();
    Matcher code = CODE_SPAN.matcher(heading);
    int at = 0;
    while (code.find()) {
      text.append(plain(heading.substring(at, code.start()))).append(code.group(2).strip());
      at = code.end();
    }
    text.append(plain(heading.substring(at)));
    return text.toString().strip().toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
        .replace(' ', '-');
  }

  /** Markdown outside code spans as the text it renders: links and images by their text, no tags or emphasis. */
  private static String plain(String s) {
    return s.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
        .replaceAll("<[^>]+>", "")
        .replaceAll("(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])", "");
  }

  /** Which lines are inside fenced code blocks (the fences included), or YAML front matter at the top. */
  private static boolean[] codeLines(List<String> lines) {
    boolean[] code = new boolean[lines.size()];
    int i = 0;
    if (!lines.isEmpty() && lines.get(0).equals("---")) {
      code[0] = true;
      for (i = 1; i < lines.size(); i++) {
        code[i] = true;
        if (lines.get(i).equals("---")) {
          i++;
          break;
        }
      }
    }
    String fence = null;
    for (; i < lines.size(); i++) {
      Matcher m = FENCE.matcher(lines.get(i));
      if (fence == null) {
        if (m.find()) {
          fence = m.group(1);
          code[i] = true;
        }
      } else {
        code[i] = true;
        if (m.find() && m.group(1).charAt(0) == fence.charAt(0) && m.group(1).length() >= fence.length()
            && lines.get(i).trim().equals(m.group(1))) {
          fence = null;
        }
      }
    }
    return code;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
