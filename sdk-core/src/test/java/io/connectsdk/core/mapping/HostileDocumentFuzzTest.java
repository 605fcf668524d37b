package io.connectsdk.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the mapping loader with 2,400 broken variants of the example documents: each
 * variant has exactly one defect (a truncation, a duplicate key, a value of the wrong type or out
 * of range, an unknown or missing key, an empty "when", two rule kinds, a too deep constant or too
 * many nested line mappings). Every one must fail with a {@link MappingDefinitionException} that
 * names the defect's path (syntax errors: line and column), and nothing else may escape.
 */
class HostileDocumentFuzzTest {
  private static final long SEED = 20261203L;
  private static final MappingLoader LOADER = MappingLoader.builder()
      .functions(BngSage300Mappings.FUNCTIONS).keyMap(BngSage300Mappings.keyMap()).build();
  /** Wrong values per key; each is invalid for that key in every rule that has it. */
  private static final Map<String, List<Object>> WRONG = Map.ofEntries(
      Map.entry("name", List.of(5, true, "", Map.of())),
      Map.entry("to", List.of(5, true, "", Map.of(), "A..B")),
      Map.entry("copy", List.of(5, "", "a..b", List.of())),
      Map.entry("from", List.of(5, "", "a..b", Map.of())),
      Map.entry("field", List.of(5, "", "a..b")),
      Map.entry("trim", List.of("yes", 1, Map.of())),
      Map.entry("strict", List.of("yes", 1)),
      Map.entry("required", List.of("yes", 0)),
      Map.entry("present", List.of("yes", 1)),
      Map.entry("truncate", List.of("5", 1.5, -1, 0, true)),
      Map.entry("maxLength", List.of("5", 1.5, -1, true)),
      Map.entry("index", List.of("0", -1, 1.5)),
      Map.entry("decimal", List.of("2", -1, 61, 999_999_999, 2.5)),
      Map.entry("case", List.of("title", 5, "")),
      Map.entry("rounding", List.of("BANKERS", "half_up", 5)),
      Map.entry("pattern", List.of("(", "[A-Z", 5)),
      Map.entry("date", List.of("yyyy-MM-dd {", "", 5)),
      Map.entry("zone", List.of("Mars/Base", 5)),
      Map.entry("lookup", List.of("nope", 5)),
      Map.entry("function", List.of("nope", 5)),
      Map.entry("valueMap", List.of(Map.of(), "x", List.of())),
      Map.entry("type", List.of("Bad Type", 5)),
      Map.entry("separator", List.of(5, true)),
      Map.entry("join", List.of("a", List.of(), List.of(""))),
      Map.entry("street", List.of("a", List.of(), List.of("a..b"))),
      Map.entry("toLines", List.of("a", List.of(), List.of("A..B"))),
      Map.entry("rules", List.of(Map.of(), "x", 5)),
      Map.entry("validate", List.of(Map.of(), "x")),
      Map.entry("min", List.of("abc", true, "١")),
      Map.entry("max", List.of("abc", true)));
  /** Keys that a rule or validation cannot do without. */
  private static final Set<String> REQUIRED = Set.of("to", "from", "field", "mapping");

  private final Random random = new Random(SEED);

  /** An object of the document with its path and what it is. */
  private record Place(String path, ObjectNode node, String kind) {}

  /** A broken document and the path its error must name ("" with {@code syntax} for syntax). */
  private record Broken(String text, String path, boolean syntax, String what) {}

  @Test
  void load_2400BrokenDocuments_eachGetsMappingDefinitionExceptionNamingThePath() {
    List<JsonNode> documents = List.of(read("customer-bng-to-sage300.json"),
        read("order-bng-to-sage300.json"));
    for (JsonNode doc : documents) {
      assertThat(LOADER.load(doc.toString())).isNotNull(); // the originals are valid
    }
    List<String> escaped = new ArrayList<>();
    List<String> wrongPath = new ArrayList<>();
    int[] byKind = new int[2];

    for (int i = 0; i < 2_400; i++) {
      Broken b = broken(documents.get(i % 2).deepCopy());
      try {
        LOADER.load(b.text());
        escaped.add(i + " loaded: " + b.what());
      } catch (MappingDefinitionException e) {
        assertThat(e.getMessage()).startsWith(e.path().isEmpty() ? "" : e.path() + ": ");
        if (b.syntax()) {
          byKind[0]++;
          if (!e.reason().matches("(?s).*\\(line \\d+, column \\d+\\)")) {
            wrongPath.add(i + " " + b.what() + " -> " + e.getMessage());
          }
        } else {
          byKind[1]++;
          boolean named = e.path().equals(b.path()) || e.path().startsWith(b.path() + ".")
              || e.path().startsWith(b.path() + "[");
          if (!named) {
            wrongPath.add(i + " " + b.what() + ": expected " + b.path() + ", got "
                + e.getMessage());
          }
        }
      } catch (Throwable t) {
        escaped.add(i + " " + b.what() + ": " + t);
      }
    }

    assertThat(escaped).isEmpty();
    assertThat(wrongPath).isEmpty();
    assertThat(byKind[0]).isGreaterThan(100);
    assertThat(byKind[1]).isGreaterThan(1_500);
  }

  private Broken broken(JsonNode doc) {
    List<Place> places = new ArrayList<>();
    collect(doc, "", "top", places);
    Place p = places.get(random.nextInt(places.size()));
    switch (random.nextInt(9)) {
      case 0 -> {
        String text = doc.toString();
        int cut = 1 + random.nextInt(text.lastIndexOf('}') - 1);
        return new Broken(text.substring(0, cut), "", true, "truncated at " + cut);
      }
      case 1 -> {
        List<String> keys = keys(p.node());
        String key = keys.get(random.nextInt(keys.size()));
        return new Broken(write(doc, p.node(), key), at(p.path(), key), false,
            "duplicate " + at(p.path(), key));
      }
      case 2 -> {
        List<String> keys = keys(p.node()).stream().filter(WRONG::containsKey).toList();
        if (keys.isEmpty() || !p.kind().equals("rule") && !p.kind().equals("validation")
            && !p.kind().equals("when") && !p.kind().equals("crossRef")
            && !p.kind().equals("top")) {
          return unknownKey(doc, p);
        }
        String key = keys.get(random.nextInt(keys.size()));
        if (key.equals("to") && p.node().has("split") && !p.node().has("index")
            || key.equals("to") && p.node().has("addressSplit")) {
          return unknownKey(doc, p); // an array there: other wrong values
        }
        List<Object> wrong = WRONG.get(key);
        p.node().set(key, Json.mapper().valueToTree(wrong.get(random.nextInt(wrong.size()))));
        return new Broken(doc.toString(), at(p.path(), key), false, "wrong " + at(p.path(), key)
            + " = " + p.node().get(key));
      }
      case 3 -> {
        return unknownKey(doc, p);
      }
      case 4 -> {
        List<String> keys = keys(p.node()).stream().filter(REQUIRED::contains).toList();
        if (p.kind().equals("top") || keys.isEmpty()) {
          String key = p.kind().equals("top") && random.nextBoolean() ? "name" : "rules";
          ((ObjectNode) doc).remove(key);
          return new Broken(doc.toString(), key, false, "removed " + key);
        }
        String key = keys.get(random.nextInt(keys.size()));
        p.node().remove(key);
        return new Broken(doc.toString(), at(p.path(), key), false, "removed " + at(p.path(), key));
      }
      case 5 -> {
        Place rule = somePlace(places, "rule");
        rule.node().putArray("when");
        return new Broken(doc.toString(), at(rule.path(), "when"), false, "empty when");
      }
      case 6 -> {
        Place rule = somePlace(places, "rule");
        rule.node().put(rule.node().has("constant") ? "copy" : "constant", "x");
        return new Broken(doc.toString(), rule.path(), false, "two kinds at " + rule.path());
      }
      case 7 -> {
        ArrayNode rules = (ArrayNode) doc.get("rules");
        int levels = random.nextBoolean() ? OutputCheck.MAX_DEPTH + 1 : 300;
        rules.addObject().put("to", "Deep").set("constant", HostileInputs.deepArray(levels));
        return new Broken(doc.toString(), "rules[" + (rules.size() - 1) + "].constant", false,
            "constant " + levels + " deep");
      }
      default -> {
        String nested = "{\"rules\": []}";
        int levels = LinesRule.MAX_NESTING + 1 + random.nextInt(3);
        for (int i = 0; i < levels; i++) {
          nested = "{\"rules\": [{\"lines\": \"l\", \"to\": \"L\", \"mapping\": " + nested + "}]}";
        }
        ArrayNode rules = (ArrayNode) doc.get("rules");
        try {
          rules.addObject().put("lines", "x").put("to", "X")
              .set("mapping", Json.mapper().readTree(nested));
        } catch (JsonProcessingException e) {
          throw new UncheckedIOException(e);
        }
        return new Broken(doc.toString(), "rules[" + (rules.size() - 1) + "].mapping", false,
            levels + " nested line mappings");
      }
    }
  }

  private Broken unknownKey(JsonNode doc, Place p) {
    if (!Set.of("top", "rule", "validation", "when", "crossRef", "mapping").contains(p.kind())) {
      p = new Place("", (ObjectNode) doc, "top");
    }
    p.node().put("bogus", 1);
    return new Broken(doc.toString(), at(p.path(), "bogus"), false, "unknown key at " + p.path());
  }

  private Place somePlace(List<Place> places, String kind) {
    List<Place> of = places.stream().filter(p -> p.kind().equals(kind)).toList();
    return of.get(random.nextInt(of.size()));
  }

  /** Every object of a mapping document, each with its kind. */
  private static void collect(JsonNode node, String path, String kind, List<Place> out) {
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    out.add(new Place(path, object, kind));
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String child = at(path, key);
      JsonNode v = e.getValue();
      boolean document = kind.equals("top") || kind.equals("mapping");
      if (document && (key.equals("rules") || key.equals("validate")) && v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          collect(v.get(i), child + "[" + i + "]", key.equals("rules") ? "rule" : "validation",
              out);
        }
      } else if (kind.equals("rule") && key.equals("mapping")) {
        collect(v, child, "mapping", out);
      } else if (kind.equals("rule") && key.equals("when")) {
        collect(v, child, "when", out);
      } else if (kind.equals("rule") && key.equals("crossRef")) {
        collect(v, child, "crossRef", out);
      } else {
        collect(v, child, "data", out); // tables, valueMap, fields: any key allowed
      }
    }
  }

  private static List<String> keys(ObjectNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static String at(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** JSON text of {@code doc} with {@code key} written twice in {@code target}. */
  private static String write(JsonNode doc, ObjectNode target, String key) {
    StringBuilder sb = new StringBuilder();
    write(doc, target, key, sb);
    return sb.toString();
  }

  private static void write(JsonNode node, ObjectNode target, String key, StringBuilder sb) {
    if (node.isObject()) {
      sb.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int times = node == target && e.getKey().equals(key) ? 2 : 1;
        for (int t = 0; t < times; t++) {
          sb.append(first ? "" : ",").append(Json.nodes().textNode(e.getKey())).append(':');
          first = false;
          write(e.getValue(), target, key, sb);
        }
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        write(node.get(i), target, key, sb);
      }
      sb.append(']');
    } else {
      sb.append(node);
    }
  }

  private static JsonNode read(String name) {
    try (InputStream in = BngSage300Mappings.resource(name)) {
      return Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
