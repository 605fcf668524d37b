package io.connectsdk.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A native id made of several named parts, encoded deterministically into one string so it can be
 * used as {@link Entity#id()}, a checkpoint or a key-map entry.
 *
 * <p>Encoding: {@code name=value} pairs in the given order joined by {@code ,}; the characters
 * {@code \ , =} inside names and values are escaped with a backslash. {@link #parse(String)}
 * inverts {@link #encode()} exactly. Example: {@code BatchRecordType=CA,BatchNumber=65}.
 */
public record CompositeKey(Map<String, String> parts) {

  public CompositeKey {
    requireNonNull(parts, "parts");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a composite key needs at least one part");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    parts.forEach((k, v) -> copy.put(requireNonNull(k, "part name"), requireNonNull(v, k)));
    parts = java.util.Collections.unmodifiableMap(copy);
  }

  /** A key from alternating names and values: {@code of("BatchRecordType","CA","BatchNumber","65")}. */
  public static CompositeKey of(String... namesAndValues) {
    if (namesAndValues.length == 0 || namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected name/value pairs, got " + namesAndValues.length);
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (parts.put(namesAndValues[i], namesAndValues[i + 1]) != null) {
        throw new IllegalArgumentException("duplicate part name: " + namesAndValues[i]);
      }
    }
    return new CompositeKey(parts);
  }

  /** The value of one part. */
  public String get(String name) {
    String v = parts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no part named " + name + " in " + encode());
    }
    return v;
  }

  /** The deterministic string form. */
  public String encode() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : parts.entrySet()) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      escape(e.getKey(), sb);
      sb.append('=');
      escape(e.getValue(), sb);
    }
    return sb.toString();
  }

  /**
   * Parses the output of {@link #encode()}.
   *
   * @throws IllegalArgumentException if the text is not a valid encoding
   */
  public static CompositeKey parse(String encoded) {
    requireNonNull(encoded, "encoded");
    Map<String, String> parts = new LinkedHashMap<>();
    List<String> tokens = new ArrayList<>(2);
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '\\') {
        if (++i == encoded.length()) {
          throw new IllegalArgumentException("dangling escape at end of key: " + encoded);
        }
        current.append(encoded.charAt(i));
      } else if (c == '=' && tokens.isEmpty()) {
        tokens.add(current.toString());
        current.setLength(0);
      } else if (c == ',') {
        addPart(parts, tokens, current, encoded);
      } else if (c == '=') {
        throw new IllegalArgumentException("unescaped '=' in value at " + i + ": " + encoded);
      } else {
        current.append(c);
      }
    }
    addPart(parts, tokens, current, encoded);
    return new CompositeKey(parts);
  }

  private static void addPart(
      Map<String, String> parts, List<String> tokens, StringBuilder current, String encoded) {
    if (tokens.size() != 1) {
      throw new IllegalArgumentException("expected name=value in composite key: " + encoded);
    }
    if (parts.put(tokens.get(0), current.toString()) != null) {
      throw new IllegalArgumentException("duplicate part name in composite key: " + encoded);
    }
    tokens.clear();
    current.setLength(0);
  }

  private static void escape(String s, StringBuilder sb) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == ',' || c == '=') {
        sb.append('\\');
      }
      sb.append(c);
    }
  }

  @Override
  public String toString() {
    return encode();
  }
}
