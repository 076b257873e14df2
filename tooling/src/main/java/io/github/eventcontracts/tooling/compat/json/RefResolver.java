package io.github.eventcontracts.tooling.compat.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Resolves a {@code $ref} to the JSON Pointer of its target in the same document. Only local references
 * by JSON Pointer are supported ({@code #}, {@code #/$defs/Address}, {@code #/definitions/Address},
 * {@code #/properties/data}); a contract schema is self-contained, so a reference to another document, or
 * by anchor, is reported as invalid rather than silently ignored.
 */
final class RefResolver {
  /** Why a reference cannot be resolved, with the fix to offer. */
  static final class Unresolvable extends Exception {
    private final String hint;

    Unresolvable(String message, String hint) {
      super(message, null, false, false);
      this.hint = hint;
    }

    String hint() {
      return hint;
    }
  }

  private final JsonNode root;

  RefResolver(JsonNode root) {
    this.root = root;
  }

  /** The pointer that {@code ref} designates. */
  String target(JsonNode ref) throws Unresolvable {
    if (!ref.isTextual()) {
      throw new Unresolvable("\"$ref\" must be a string, not " + ref, "write the reference as \"#/$defs/Name\"");
    }
    String text = ref.textValue();
    if (!text.startsWith("#")) {
      throw new Unresolvable("the $ref '" + text + "' points outside this document; only local references are"
          + " supported", "copy the referenced schema under $defs and refer to it as \"#/$defs/Name\"");
    }
    String pointer = percentDecode(text.substring(1));
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      throw new Unresolvable("the $ref '" + text + "' uses an anchor; only JSON Pointer references are supported",
          "refer to the schema by its location, e.g. \"#/$defs/Name\"");
    }
    if (root.at(pointer).isMissingNode()) {
      throw new Unresolvable("the $ref '" + text + "' points to nothing in this document",
          "define the schema at " + (pointer.isEmpty() ? "the root" : pointer) + " or correct the reference");
    }
    return pointer;
  }

  /** URI fragments may percent-encode characters of the pointer ({@code %25} for {@code %}). */
  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }
}
