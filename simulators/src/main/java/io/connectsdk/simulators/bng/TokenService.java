package io.connectsdk.simulators.bng;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/**
 * {@code POST /oauth/token} (client credentials) and bearer-token checks: tokens expire on the
 * simulator's clock, and can be expired or revoked on command. Thread-safe.
 */
final class TokenService {
  private record Token(String clientId, Instant expiresAt) {}

  private final Clock clock;
  private final Random random;
  private final Map<String, String> clients;
  private final Map<String, Token> tokens = new HashMap<>();
  private Duration ttl;
  private long issued;

  TokenService(Clock clock, Random random, Map<String, String> clients, Duration ttl) {
    this.clock = clock;
    this.random = random;
    this.clients = Map.copyOf(clients);
    this.ttl = ttl;
  }

  /** Parses the form, checks the client and answers the token response body. */
  synchronized String issue(String form) {
    Map<String, String> f = parseForm(form);
    if (!"client_credentials".equals(f.get("grant_type"))) {
      throw BngError.badRequest("grant_type", "must be client_credentials");
    }
    String id = f.get("client_id");
    String secret = clients.get(id == null ? "" : id);
    String given = f.getOrDefault("client_secret", "");
    if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8))) {
      throw BngError.unauthorized("Unknown client or wrong secret.");
    }
    byte[] raw = new byte[20];
    random.nextBytes(raw);
    String token = "tok_" + HexFormat.of().formatHex(raw);
    tokens.put(token, new Token(id, clock.instant().plus(ttl)));
    issued++;
    return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + ttl.toSeconds() + "}";
  }

  /** The tenant (client id) of a valid {@code Authorization: Bearer} header. */
  synchronized String tenant(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw BngError.unauthorized("A bearer token is required.");
    }
    Token t = tokens.get(authorization.substring(7).trim());
    if (t == null) {
      throw BngError.unauthorized("The access token is invalid or revoked.");
    }
    if (!clock.instant().isBefore(t.expiresAt)) {
      throw BngError.unauthorized("The access token has expired.");
    }
    return t.clientId;
  }

  /** The client id named in a token request's form, or null. */
  static String clientOf(String form) {
    return parseForm(form).get("client_id");
  }

  synchronized void expireAll() {
    Instant now = clock.instant();
    tokens.replaceAll((k, t) -> new Token(t.clientId, now));
  }

  synchronized void revokeAll() {
    tokens.clear();
  }

  synchronized void ttl(Duration ttl) {
    this.ttl = ttl;
  }

  synchronized long issued() {
    return issued;
  }

  synchronized void clear() {
    tokens.clear();
    issued = 0;
  }

  private static Map<String, String> parseForm(String form) {
    Map<String, String> out = new HashMap<>();
    if (form == null) {
      return out;
    }
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw BngError.badRequest("body", "is not a valid form");
    }
  }
}
