package io.github.eventcontracts.tooling.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fenced code blocks of a Markdown page, each with its language, title and the section (### heading) it is in. */
final class PageBlocks {
  record Block(String section, String language, String info, String text) {}

  private PageBlocks() {}

  static List<Block> of(String page) {
    List<Block> out = new ArrayList<>();
    String section = "";
    String[] lines = page.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("#")) {
        section = lines[i].replaceFirst("^#+ ", "");
      } else if (lines[i].startsWith("```")) {
        String info = lines[i].substring(3).strip();
        StringBuilder text = new StringBuilder();
        for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
          text.append(lines[i]).append('\n');
        }
        out.add(new Block(section, info.split(" ")[0], info, text.toString()));
      }
    }
    return out;
  }

  /** The JSON examples, by the topic section they are in. */
  static Map<String, String> jsonBySection(String page) {
    Map<String, String> out = new LinkedHashMap<>();
    of(page).stream().filter(b -> b.language().equals("json")).forEach(b -> out.put(b.section(), b.text()));
    return out;
  }

  /** The page without its front matter, fenced code blocks and inline code spans: the text MDX parses as prose. */
  static String prose(String page) {
    String body = page.replaceFirst("(?s)^---\n.*?\n---\n", "");
    return body.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\n]*`", "");
  }
}
