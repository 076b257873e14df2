package io.github.eventcontracts.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog ({@code schemas/catalog.yaml}) as a typed API: topics with their settings and schemas,
 * consumer groups, and accepted lint findings. Parsing collects every problem before failing, and each
 * problem names the catalog's line and the key that is wrong.
 */
public final class Catalog {
  public static final String RULE = "CATALOG_INVALID";
  public static final String ACCEPTED_BREAKING_CHANGES = "accepted_breaking_changes";
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final SourceDocument source;
  private final Map<String, Topic> topics;
  private final Map<String, ConsumerGroup> groups;
  private final List<Suppression> suppressions;
  private List<AcceptedChange> acceptedChanges = List.of();

  private Catalog(SourceDocument source, Map<String, Topic> topics, Map<String, ConsumerGroup> groups,
      List<Suppression> suppressions) {
    this.source = source;
    this.topics = Collections.unmodifiableMap(topics);
    this.groups = Collections.unmodifiableMap(groups);
    this.suppressions = List.copyOf(suppressions);
  }

  /** The parsed catalog file, with positions for findings about it. */
  public SourceDocument source() {
    return source;
  }

  /** Every topic, in catalog order. */
  public List<Topic> topics() {
    return List.copyOf(topics.values());
  }

  public Optional<Topic> topic(String name) {
    return Optional.ofNullable(topics.get(name));
  }

  /** The topic whose messages carry {@code eventType}. */
  public Optional<Topic> topicForEvent(String eventType) {
    return topics.values().stream().filter(t -> t.eventType().equals(eventType)).findFirst();
  }

  /** Every consumer group, in catalog order. */
  public List<ConsumerGroup> consumerGroups() {
    return List.copyOf(groups.values());
  }

  public Optional<ConsumerGroup> consumerGroup(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  /** The groups that read {@code topic}: the readers a breaking change to it would break. */
  public List<ConsumerGroup> readersOf(String topic) {
    return groups.values().stream().filter(g -> g.topics().contains(topic)).toList();
  }

  public List<Suppression> suppressions() {
    return suppressions;
  }

  /** Breaking changes accepted on purpose ({@code accepted_breaking_changes}), in catalog order. */
  public List<AcceptedChange> acceptedChanges() {
    return acceptedChanges;
  }

  /** The folder that schema paths are relative to, as shown to users ({@code schemas}). */
  public String baseDir() {
    int slash = source.file().lastIndexOf('/');
    return slash < 0 ? "" : source.file().substring(0, slash);
  }

  /** A schema path from the catalog as shown to users, e.g. {@code schemas/avro/skill.created.avsc}. */
  public String displayPath(String relative) {
    return baseDir().isEmpty() ? relative : baseDir() + "/" + relative;
  }

  /**
   * Reads a catalog document.
   *
   * @throws ContractException listing every problem, each with the catalog's line and what to write
   */
  public static Catalog parse(SourceDocument doc) {
    Parser p = new Parser(doc);
    Catalog c = p.parse();
    if (!p.findings.isEmpty()) {
      throw new ContractException(p.findings);
    }
    return c;
  }

  private static final class Parser {
    private final SourceDocument doc;
    private final List<Finding> findings = new ArrayList<>();

    Parser(SourceDocument doc) {
      this.doc = doc;
    }

    private void problem(String pointer, String message, String hint) {
      findings.add(Finding.at(RULE, doc, pointer, pointer.replaceFirst("^/", "").replace('/', '.'), message, hint));
    }

    Catalog parse() {
      JsonNode root = doc.root();
      if (!root.isObject()) {
        problem("", "the catalog must be a mapping with topics and consumer_groups", "see docs/catalog.md");
        return new Catalog(doc, Map.of(), Map.of(), List.of());
      }
      for (var it = root.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!List.of("defaults", "topics", "consumer_groups", "suppressions", ACCEPTED_BREAKING_CHANGES).contains(k)) {
          problem("/" + k, "unknown top-level key '" + k + "'",
              "use defaults, topics, consumer_groups, suppressions or " + ACCEPTED_BREAKING_CHANGES);
        }
      }
      JsonNode defaults = root.path("defaults");
      Map<String, Topic> topics = new LinkedHashMap<>();
      JsonNode topicsNode = root.get("topics");
      if (topicsNode == null || !topicsNode.isObject() || topicsNode.isEmpty()) {
        problem("/topics", "the catalog has no topics", "add a mapping 'topics:' with one entry per topic");
      } else {
        for (var e : topicsNode.properties()) {
          Topic t = topic(e.getKey(), e.getValue(), defaults);
          if (t != null) {
            topics.put(t.name(), t);
          }
        }
        Map<String, String> eventToTopic = new LinkedHashMap<>();
        for (Topic t : topics.values()) {
          String other = eventToTopic.putIfAbsent(t.eventType(), t.name());
          if (other != null) {
            problem("/topics/" + t.name() + "/event", "event '" + t.eventType() + "' is already carried by topic '"
                + other + "'", "give each event its own topic");
          }
        }
      }
      Map<String, ConsumerGroup> groups = new LinkedHashMap<>();
      JsonNode groupsNode = root.get("consumer_groups");
      if (groupsNode != null && !groupsNode.isObject()) {
        problem("/consumer_groups", "consumer_groups must be a mapping of group id to its service and topics", "");
      } else if (groupsNode != null) {
        for (var e : groupsNode.properties()) {
          ConsumerGroup g = group(e.getKey(), e.getValue(), topics, declared(topicsNode));
          if (g != null) {
            groups.put(g.id(), g);
          }
        }
      }
      List<Suppression> suppressions = new ArrayList<>();
      JsonNode sup = root.path("suppressions");
      if (!sup.isMissingNode() && !sup.isArray()) {
        problem("/suppressions", "suppressions must be a list", "write 'suppressions: []' when there are none");
      }
      for (int i = 0; i < sup.size(); i++) {
        String ptr = "/suppressions/" + i;
        JsonNode s = sup.get(i);
        String rule = text(s, ptr, "rule", true);
        String file = text(s, ptr, "file", true);
        String path = s.path("path").asText("");
        String reason = text(s, ptr, "reason", true);
        if (reason != null && reason.isBlank()) {
          problem(ptr + "/reason", "a suppression needs a written reason", "say why the finding is acceptable");
        }
        if (rule != null && file != null && reason != null) {
          suppressions.add(new Suppression(rule, baseDirOf(doc) + file, path, reason));
        }
      }
      Catalog catalog = new Catalog(doc, topics, groups, suppressions);
      catalog.acceptedChanges = acceptedChanges(root, topics);
      return catalog;
    }

    private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{16}");

    /** {@code accepted_breaking_changes}: each entry names a rule, a subject, the version it accepts breaking and why. */
    private List<AcceptedChange> acceptedChanges(JsonNode root, Map<String, Topic> topics) {
      List<AcceptedChange> out = new ArrayList<>();
      JsonNode list = root.path(ACCEPTED_BREAKING_CHANGES);
      if (!list.isMissingNode() && !list.isArray()) {
        problem("/" + ACCEPTED_BREAKING_CHANGES, ACCEPTED_BREAKING_CHANGES + " must be a list",
            "write '" + ACCEPTED_BREAKING_CHANGES + ": []' when there are none");
        return out;
      }
      for (int i = 0; i < list.size(); i++) {
        String ptr = "/" + ACCEPTED_BREAKING_CHANGES + "/" + i;
        JsonNode e = list.get(i);
        if (!e.isObject()) {
          problem(ptr, "an accepted breaking change must be a mapping", "give it rule, topic, format, against and reason");
          continue;
        }
        int before = findings.size();
        for (var it = e.fieldNames(); it.hasNext(); ) {
          String k = it.next();
          if (!List.of("rule", "topic", "format", "path", "against", "reason").contains(k)) {
            problem(ptr + "/" + k, "unknown key '" + k + "' in an accepted breaking change",
                "use rule, topic, format, path (optional), against and reason");
          }
        }
        String rule = text(e, ptr, "rule", true);
        String topic = text(e, ptr, "topic", true);
        String format = text(e, ptr, "format", true);
        String path = text(e, ptr, "path", false);
        String against = text(e, ptr, "against", true);
        String reason = text(e, ptr, "reason", true);
        if (rule != null && !RULE_ID.matcher(rule).matches()) {
          problem(ptr + "/rule", "'" + rule + "' is not a rule id", "copy the RULE_ID of the gate's finding");
        }
        if (topic != null && !topics.containsKey(topic)) {
          problem(ptr + "/topic", "topic '" + topic + "' is not in the catalog", "name one of " + topics.keySet());
        }
        SchemaFormat f = null;
        if (format != null) {
          try {
            f = SchemaFormat.fromKey(format);
          } catch (IllegalArgumentException x) {
            problem(ptr + "/format", x.getMessage(), "write avro or json");
          }
        }
        if (against != null && !FINGERPRINT.matcher(against).matches()) {
          problem(ptr + "/against", "'" + against + "' is not a schema version's fingerprint",
              "copy the 'against: sha256:…' the gate prints with the finding (16 hex digits)");
        }
        if (reason != null && reason.isBlank()) {
          problem(ptr + "/reason", "an accepted breaking change needs a written reason",
              "say why the readers are not broken, or how they were told");
        }
        if (findings.size() == before) {
          out.add(new AcceptedChange(i, rule, topic, f, path == null ? "" : path, against, reason));
        }
      }
      return out;
    }

    private static String baseDirOf(SourceDocument doc) {
      int slash = doc.file().lastIndexOf('/');
      return slash < 0 ? "" : doc.file().substring(0, slash + 1);
    }

    private Topic topic(String name, JsonNode t, JsonNode defaults) {
      String ptr = "/topics/" + name.replace("~", "~0").replace("/", "~1");
      if (!t.isObject()) {
        problem(ptr, "topic '" + name + "' must be a mapping", "give it event, key, retention and schemas");
        return null;
      }
      int before = findings.size();
      String event = text(t, ptr, "event", true);
      String description = t.path("description").asText("");
      String key = text(t, ptr, "key", true);
      int partitions = intSetting(t, defaults, ptr, "partitions");
      int replication = intSetting(t, defaults, ptr, "replication_factor");
      Duration retention = null;
      JsonNode r = t.has("retention") ? t.get("retention") : defaults.get("retention");
      if (r == null) {
        problem(ptr, "topic '" + name + "' has no retention", "add e.g. 'retention: 7d' (units ms, s, m, h, d)");
      } else {
        Matcher m = DURATION.matcher(r.asText());
        if (!m.matches()) {
          problem(ptr + "/retention", "retention '" + r.asText() + "' is not a duration",
              "write a number and a unit: 500ms, 30s, 15m, 12h or 7d");
        } else {
          long n = Long.parseLong(m.group(1));
          retention = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
        }
      }
      SchemaFormat wire = null;
      JsonNode w = t.has("wire_format") ? t.get("wire_format") : defaults.get("wire_format");
      try {
        wire = SchemaFormat.fromKey(w == null ? "avro" : w.asText());
      } catch (IllegalArgumentException e) {
        problem(t.has("wire_format") ? ptr + "/wire_format" : "/defaults/wire_format", e.getMessage(),
            "write avro or json");
      }
      Map<SchemaFormat, CompatibilityLevel> levels = new EnumMap<>(SchemaFormat.class);
      Map<SchemaFormat, String> paths = new EnumMap<>(SchemaFormat.class);
      JsonNode schemas = t.path("schemas");
      for (SchemaFormat f : SchemaFormat.values()) {
        String path = text(schemas, ptr + "/schemas", f.key(), true);
        if (path != null) {
          if (!path.endsWith(f.extension())) {
            problem(ptr + "/schemas/" + f.key(), "the " + f.key() + " schema '" + path + "' does not end in "
                + f.extension(), "name " + f.key() + " schema files *" + f.extension());
          }
          paths.put(f, path);
        }
        JsonNode level = t.path("compatibility").path(f.key());
        String levelPtr = ptr + "/compatibility/" + f.key();
        if (level.isMissingNode()) {
          level = defaults.path("compatibility").path(f.key());
          levelPtr = "/defaults/compatibility/" + f.key();
        }
        if (level.isMissingNode()) {
          problem(ptr, "topic '" + name + "' has no " + f.key() + " compatibility level",
              "set defaults.compatibility." + f.key() + " or compatibility." + f.key() + " on the topic");
        } else {
          try {
            levels.put(f, CompatibilityLevel.valueOf(level.asText()));
          } catch (IllegalArgumentException e) {
            problem(levelPtr, "unknown compatibility level '" + level.asText() + "'",
                "use one of " + java.util.Arrays.toString(CompatibilityLevel.values()));
          }
        }
      }
      int minInsync = minInsyncReplicas(t, defaults, ptr, name, replication);
      boolean unclean = booleanSetting(t, defaults, ptr, "unclean_leader_election_enable", false);
      if (findings.size() > before) {
        return null;
      }
      return new Topic(name, event, description, key, partitions, (short) replication, retention, wire, levels, paths,
          minInsync, unclean);
    }

    private int intSetting(JsonNode t, JsonNode defaults, String ptr, String key) {
      boolean own = t.has(key);
      JsonNode v = own ? t.get(key) : defaults.get(key);
      String at = own ? ptr + "/" + key : "/defaults/" + key;
      if (v == null) {
        problem(ptr, "no " + key + " for this topic", "set defaults." + key + " or " + key + " on the topic");
        return -1;
      }
      if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 1
          || (key.startsWith("replication") && v.intValue() > Short.MAX_VALUE)) {
        problem(at, key + " must be a positive whole number, not '" + v.asText() + "'", "");
        return -1;
      }
      return v.intValue();
    }

    /**
     * {@code min_insync_replicas} of the topic, else of the defaults, else {@link Topic#defaultMinInsyncReplicas}
     * of its replication factor; never more than the replication factor (Kafka would refuse every acks=all write).
     */
    private int minInsyncReplicas(JsonNode t, JsonNode defaults, String ptr, String name, int replication) {
      String key = "min_insync_replicas";
      if (!t.has(key) && !defaults.has(key)) {
        return replication < 1 ? -1 : Topic.defaultMinInsyncReplicas(replication);
      }
      int v = intSetting(t, defaults, ptr, key);
      if (v > 0 && replication > 0 && v > replication) {
        String at = t.has(key) ? ptr + "/" + key : "/defaults/" + key;
        problem(at, "topic '" + name + "': min_insync_replicas " + v + (t.has(key) ? "" : " (from defaults)")
            + " is more than its replication_factor " + replication
            + ", so no write with acks=all could ever succeed",
            "set min_insync_replicas: " + Topic.defaultMinInsyncReplicas(replication) + " (at most " + replication
                + ") on the topic, or raise its replication_factor");
      }
      return v;
    }

    private boolean booleanSetting(JsonNode t, JsonNode defaults, String ptr, String key, boolean fallback) {
      boolean own = t.has(key);
      JsonNode v = own ? t.get(key) : defaults.get(key);
      if (v == null) {
        return fallback;
      }
      if (!v.isBoolean()) {
        problem(own ? ptr + "/" + key : "/defaults/" + key, key + " must be true or false, not '" + v.asText() + "'",
            "write " + key + ": " + fallback);
        return fallback;
      }
      return v.booleanValue();
    }

    private static List<String> declared(JsonNode topicsNode) {
      List<String> names = new ArrayList<>();
      if (topicsNode != null && topicsNode.isObject()) {
        topicsNode.fieldNames().forEachRemaining(names::add);
      }
      return names;
    }

    private ConsumerGroup group(String id, JsonNode g, Map<String, Topic> topics, List<String> declared) {
      String ptr = "/consumer_groups/" + id;
      String service = g.path("service").asText(id);
      JsonNode list = g.get("topics");
      if (list != null && list.isTextual() && list.textValue().equals("all")) {
        return new ConsumerGroup(id, service, List.copyOf(topics.keySet()), true);
      }
      if (list == null || !list.isArray() || list.isEmpty()) {
        problem(ptr + "/topics", "group '" + id + "' must list the topics it reads",
            "write 'topics: [a, b]' or 'topics: all'");
        return null;
      }
      List<String> names = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String topic = list.get(i).asText();
        if (!declared.contains(topic)) {
          problem(ptr + "/topics/" + i, "group '" + id + "' reads topic '" + topic + "', which the catalog does not define",
              "define the topic under 'topics:' or correct the name (known: " + String.join(", ", declared) + ")");
        }
        names.add(topic);
      }
      return new ConsumerGroup(id, service, names, false);
    }

    private String text(JsonNode parent, String ptr, String key, boolean required) {
      JsonNode v = parent.get(key);
      if (v == null || v.isNull()) {
        if (required) {
          problem(ptr, "missing '" + key + "'", "add '" + key + ":'");
        }
        return null;
      }
      if (!v.isTextual()) {
        problem(ptr + "/" + key, "'" + key + "' must be a string", "");
        return null;
      }
      return v.textValue();
    }
  }
}
