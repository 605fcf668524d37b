package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

/**
 * One named part of a resource key. Numeric parts are written unquoted in OData key predicates and
 * filters, string parts quoted.
 */
record KeyPart(String name, boolean numeric) {
  KeyPart {
    requireNonNull(name, "name");
  }

  static KeyPart text(String name) {
    return new KeyPart(name, false);
  }

  static KeyPart number(String name) {
    return new KeyPart(name, true);
  }
}
