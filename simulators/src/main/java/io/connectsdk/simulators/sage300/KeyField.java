package io.connectsdk.simulators.sage300;

import static java.util.Objects.requireNonNull;

/**
 * One key property of a resource.
 *
 * @param name property name
 * @param numeric whether the key is written unquoted in URLs and stored as a JSON number
 * @param generated whether the server assigns it on create (ignoring any client value)
 */
record KeyField(String name, boolean numeric, boolean generated) {
  KeyField {
    requireNonNull(name, "name");
  }

  static KeyField text(String name) {
    return new KeyField(name, false, false);
  }

  static KeyField number(String name) {
    return new KeyField(name, true, true);
  }
}
