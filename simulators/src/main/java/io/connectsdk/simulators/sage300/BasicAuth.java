package io.connectsdk.simulators.sage300;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** HTTP Basic sign-on against the configured users: 401 for bad credentials, 403 without the right. */
final class BasicAuth {
  private final Map<String, SimUser> users;

  /** @param users keyed by upper-case name */
  BasicAuth(Map<String, SimUser> users) {
    this.users = Map.copyOf(users);
  }

  void check(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw unauthorized("Authorization has been denied for this request.");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unauthorized("Authorization has been denied for this request.");
    }
    int colon = decoded.indexOf(':');
    SimUser user = colon < 0 ? null : users.get(decoded.substring(0, colon).toUpperCase(Locale.ROOT));
    if (user == null || !MessageDigest.isEqual(
        user.password().getBytes(StandardCharsets.UTF_8),
        decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8))) {
      throw unauthorized("Invalid user ID or password.");
    }
    if (!user.webApiRight()) {
      throw new SageError(403, "Forbidden",
          "The user " + user.name() + " does not have the Sage 300 Web API security right.");
    }
  }

  private static SageError unauthorized(String message) {
    return new SageError(401, "Unauthorized", message);
  }
}
