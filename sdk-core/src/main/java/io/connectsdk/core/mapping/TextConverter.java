package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connectsdk.core.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Trim, upper case, lower case or truncate a text value. A number or boolean is turned into its text
 * first ({@code 1E+3} becomes {@code "1000"}, {@code true} becomes {@code "true"}), so the result
 * is always text; a container, or a number out of bounds, is a field error.
 * Consecutive text conversions of a rule (e.g. trim then upper) are {@linkplain #fuse fused} into
 * one converter that works on the String and makes a single node at the end, instead of a node per
 * step.
 */
final class TextConverter implements Converter {
  enum Op { TRIM, UPPER, LOWER, TRUNCATE }

  private final Op[] ops;
  /** The maximum length for each TRUNCATE op (unused for the others). */
  private final int[] lengths;

  TextConverter(Op op, int length) {
    this(new Op[] {op}, new int[] {length});
  }

  private TextConverter(Op[] ops, int[] lengths) {
    this.ops = ops;
    this.lengths = lengths;
  }

  /**
   * The converters with each run of text conversions replaced by one converter doing them in
   * order; behaves exactly like the unfused converters.
   */
  static Converter[] fuse(Converter[] converters) {
    List<Converter> fused = new ArrayList<>(converters.length);
    for (Converter converter : converters) {
      int last = fused.size() - 1;
      if (converter instanceof TextConverter next && last >= 0
          && fused.get(last) instanceof TextConverter previous) {
        fused.set(last, previous.then(next));
      } else {
        fused.add(converter);
      }
    }
    return fused.toArray(new Converter[0]);
  }

  private TextConverter then(TextConverter next) {
    Op[] allOps = Arrays.copyOf(ops, ops.length + next.ops.length);
    System.arraycopy(next.ops, 0, allOps, ops.length, next.ops.length);
    int[] allLengths = Arrays.copyOf(lengths, lengths.length + next.lengths.length);
    System.arraycopy(next.lengths, 0, allLengths, lengths.length, next.lengths.length);
    return new TextConverter(allOps, allLengths);
  }

  @Override
  public JsonNode convert(JsonNode value, JsonNode source, Ctx ctx, String path) {
    if (value instanceof ContainerNode<?>) {
      // the first conversion is the one that rejects it (the rest never run)
      ctx.sourceError(path, ops[0].name().toLowerCase(Locale.ROOT),
          "expected text, not a container", value);
      return null;
    }
    String text = Values.asText(value);
    if (text == null) {
      ctx.sourceError(path, ops[0].name().toLowerCase(Locale.ROOT),
          Values.numberProblem(value), value);
      return null;
    }
    String result = text;
    for (int i = 0; i < ops.length; i++) {
      result = switch (ops[i]) {
        case TRIM -> result.strip();
        case UPPER -> result.toUpperCase(Locale.ROOT);
        case LOWER -> result.toLowerCase(Locale.ROOT);
        case TRUNCATE -> truncate(result, lengths[i]);
      };
    }
    // strip(), toUpperCase() and toLowerCase() return the same instance when nothing changes
    return result == text && value instanceof TextNode ? value : Json.nodes().textNode(result);
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
