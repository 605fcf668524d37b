package io.connectsdk.simulators.sage300;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and formats OData key predicates: {@code ('1200')}, {@code (66)} and
 * {@code (BatchRecordType='CA',BatchNumber=65)}; a quote inside a string is doubled.
 */
final class KeyParser {
  private final String text;
  private int pos;

  private KeyParser(String text) {
    this.text = text;
  }

  /**
   * Parses the text between the parentheses (already URL-decoded) against the resource's keys.
   *
   * @throws SageError InvalidEntityKey when the predicate does not fit the keys
   */
  static RecordKey parse(ResourceSpec spec, String predicate) {
    KeyParser p = new KeyParser(predicate);
    Map<String, Object> named = new LinkedHashMap<>();
    List<Object> positional = new ArrayList<>();
    do {
      p.readTerm(named, positional);
    } while (p.consume(','));
    if (p.pos != p.text.length()) {
      throw invalid(predicate, "unexpected text at position " + p.pos);
    }
    if (!positional.isEmpty() && !named.isEmpty()) {
      throw invalid(predicate, "mixes named and positional values");
    }
    List<KeyField> keys = spec.keys();
    List<Object> parts = new ArrayList<>();
    if (!positional.isEmpty()) {
      if (keys.size() != 1 || positional.size() != 1) {
        throw invalid(predicate, "a composite key needs named values " + names(keys));
      }
      parts.add(typed(keys.get(0), positional.get(0), predicate));
    } else {
      if (named.size() != keys.size()) {
        throw invalid(predicate, "expected the key properties " + names(keys));
      }
      for (KeyField key : keys) {
        if (!named.containsKey(key.name())) {
          throw invalid(predicate, "missing the key property '" + key.name() + "'");
        }
        parts.add(typed(key, named.get(key.name()), predicate));
      }
    }
    return new RecordKey(parts);
  }

  /** Formats a key as it appears in a URL, e.g. {@code ('O''Brien')}. */
  static String format(ResourceSpec spec, RecordKey key) {
    StringBuilder sb = new StringBuilder("(");
    boolean composite = spec.keys().size() > 1;
    for (int i = 0; i < spec.keys().size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      if (composite) {
        sb.append(spec.keys().get(i).name()).append('=');
      }
      Object part = key.parts().get(i);
      if (part instanceof Long n) {
        sb.append(n);
      } else {
        sb.append('\'').append(((String) part).replace("'", "''")).append('\'');
      }
    }
    return sb.append(')').toString();
  }

  private void readTerm(Map<String, Object> named, List<Object> positional) {
    if (pos < text.length() && text.charAt(pos) != '\'') {
      int eq = scanName();
      if (eq >= 0) {
        String name = text.substring(pos, eq);
        pos = eq + 1;
        if (named.put(name, readValue()) != null) {
          throw invalid(text, "the key property '" + name + "' appears twice");
        }
        return;
      }
    }
    positional.add(readValue());
  }

  /** Position of '=' if an identifier followed by '=' starts here, else -1. */
  private int scanName() {
    int i = pos;
    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    return i > pos && i < text.length() && text.charAt(i) == '=' ? i : -1;
  }

  private Object readValue() {
    if (consume('\'')) {
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw invalid(text, "unterminated string");
        }
        char c = text.charAt(pos++);
        if (c == '\'') {
          if (consume('\'')) {
            sb.append('\'');
          } else {
            return sb.toString();
          }
        } else {
          sb.append(c);
        }
      }
    }
    int start = pos;
    while (pos < text.length() && text.charAt(pos) != ',') {
      pos++;
    }
    String raw = text.substring(start, pos).trim();
    if (!raw.matches("-?\\d{1,18}")) {
      throw invalid(text, "'" + raw + "' is neither a quoted string nor an integer");
    }
    return Long.parseLong(raw);
  }

  private boolean consume(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private static Object typed(KeyField key, Object value, String predicate) {
    if (key.numeric() != (value instanceof Long)) {
      throw invalid(predicate, "the key property '" + key.name() + "' must be "
          + (key.numeric() ? "an unquoted integer" : "a quoted string"));
    }
    return value;
  }

  private static String names(List<KeyField> keys) {
    return keys.stream().map(KeyField::name).toList().toString();
  }

  private static SageError invalid(String predicate, String why) {
    return SageError.invalidKey("The key '(" + predicate + ")' is invalid: " + why + ".");
  }
}
