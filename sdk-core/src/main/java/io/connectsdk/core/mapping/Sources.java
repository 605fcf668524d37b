package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.connectsdk.core.Json;
import java.util.Set;

/** The built-in {@link Source} implementations. */
final class Sources {
  private Sources() {}

  /** A source over several paths: errors name the first, all count as read. */
  private abstract static class PathsSource implements Source {
    final Path[] paths;

    PathsSource(Path[] paths) {
      this.paths = paths;
    }

    @Override
    public String errorPath() {
      return paths[0].text();
    }

    @Override
    public void collect(Set<String> topLevel) {
      for (Path p : paths) {
        topLevel.add(p.first());
      }
    }
  }

  static Source path(Path path) {
    return new Source() {
      @Override
      public JsonNode read(JsonNode source, Ctx ctx) {
        return path.read(source, ctx);
      }

      @Override
      public String errorPath() {
        return path.text();
      }

      @Override
      public void collect(Set<String> topLevel) {
        topLevel.add(path.first());
      }
    };
  }

  static Source constant(JsonNode value, String errorPath) {
    return new Source() {
      @Override
      public JsonNode read(JsonNode source, Ctx ctx) {
        return value;
      }

      @Override
      public String errorPath() {
        return errorPath;
      }

      @Override
      public void collect(Set<String> topLevel) {}
    };
  }

  /** Joins the text of scalar values with a separator, skipping blanks; null if all are blank. */
  static Source join(Path[] paths, String separator) {
    return new PathsSource(paths) {
      @Override
      public JsonNode read(JsonNode source, Ctx ctx) {
        // Plain concatenation, not a StringBuilder: a join has few parts (usually two), and
        // first + separator + second is built in one exactly sized allocation, a single part in
        // none, where a builder allocates its buffer and then copies it into the result.
        String joined = null;
        boolean bad = false;
        for (Path path : paths) {
          JsonNode v = path.read(source, ctx);
          if (Values.isBlank(v)) {
            continue;
          }
          if (v.isContainerNode()) {
            ctx.sourceError(path.text(), "join", "expected a text or number, not a container", v);
            bad = true;
            continue;
          }
          String text = Values.asText(v);
          if (text == null) {
            ctx.sourceError(path.text(), "join", Values.numberProblem(v), v);
            bad = true;
            continue;
          }
          text = text.strip();
          joined = joined == null ? text : joined + separator + text;
        }
        return bad || joined == null ? null : Json.nodes().textNode(joined);
      }

    };
  }

  /** The values of several paths as one array (JSON null for missing), for multi-input functions. */
  static Source all(Path[] paths) {
    return new PathsSource(paths) {
      @Override
      public JsonNode read(JsonNode source, Ctx ctx) {
        ArrayNode array = Json.nodes().arrayNode(paths.length);
        for (Path path : paths) {
          JsonNode v = path.read(source, ctx);
          array.add(v == null ? Json.nodes().nullNode() : v);
        }
        return array;
      }

    };
  }
}
