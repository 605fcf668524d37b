package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connectsdk.core.Json;
import java.util.Locale;

/** Trim, upper case, lower case or truncate a text value; other scalars pass through unchanged. */
final class TextConverter implements Converter {
  enum Op { TRIM, UPPER, LOWER, TRUNCATE }

  private final Op op;
  private final int length;

  TextConverter(Op op, int length) {
    this.op = op;
    this.length = length;
  }

  @Override
  public JsonNode convert(JsonNode value, JsonNode source, Ctx ctx, String path) {
    if (value instanceof ContainerNode<?>) {
      ctx.sourceError(path, op.name().toLowerCase(Locale.ROOT), "expected text, not a container",
          value);
      return null;
    }
    if (!(value instanceof TextNode node)) {
      return value;
    }
    String text = node.textValue();
    String result = switch (op) {
      case TRIM -> text.strip();
      case UPPER -> text.toUpperCase(Locale.ROOT);
      case LOWER -> text.toLowerCase(Locale.ROOT);
      case TRUNCATE -> truncate(text, length);
    };
    // strip(), toUpperCase() and toLowerCase() return the same instance when nothing changes
    return result == text ? value : Json.nodes().textNode(result);
  }

  /** Cuts to at most {@code max} characters without splitting a surrogate pair. */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
