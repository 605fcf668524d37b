package io.connectsdk.simulators.sage300;

import static java.util.Objects.requireNonNull;

/**
 * A Sage 300 sign-on. {@code toString} hides the password.
 *
 * @param name user id (matched case-insensitively)
 * @param password password (matched exactly)
 * @param webApiRight whether the user holds the "Sage 300 Web API" security right
 */
record SimUser(String name, String password, boolean webApiRight) {
  SimUser {
    requireNonNull(name, "name");
    requireNonNull(password, "password");
    if (name.isBlank() || name.contains(":")) {
      throw new IllegalArgumentException("user name must be non-blank without ':': " + name);
    }
  }

  @Override
  public String toString() {
    return "SimUser[" + name + ", webApiRight=" + webApiRight + "]";
  }
}
