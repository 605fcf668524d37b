package io.connectsdk.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Decides whether a record the server holds already carries what a write would send: every field
 * of the request is present with an equal value (numbers by value, {@code 2020-01-15} equal to
 * {@code 2020-01-15T00:00:00Z}), arrays element by element with the same length. Fields the server
 * adds (numbers, totals, audit data) are ignored.
 */
final class ContentMatch {
  private ContentMatch() {}

  static boolean matches(JsonNode wanted, JsonNode actual) {
    if (actual == null || actual.isMissingNode()) {
      return wanted.isNull();
    }
    if (wanted.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> it = wanted.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!matches(f.getValue(), actual.get(f.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (wanted.isArray()) {
      if (!actual.isArray() || actual.size() != wanted.size()) {
        return false;
      }
      for (int i = 0; i < wanted.size(); i++) {
        if (!matches(wanted.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (wanted.isNumber() && actual.isNumber()) {
      return wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (wanted.isTextual() && actual.isTextual()) {
      return sameText(wanted.asText(), actual.asText());
    }
    return wanted.equals(actual);
  }

  private static boolean sameText(String wanted, String actual) {
    if (wanted.equals(actual)) {
      return true;
    }
    // a date sent as 2020-01-15 comes back as 2020-01-15T00:00:00Z or 2020-01-15T00:00:00
    return wanted.length() == 10 && actual.startsWith(wanted)
        && (actual.substring(10).equals("T00:00:00Z") || actual.substring(10).equals("T00:00:00"));
  }
}
