package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * Where a bearer token comes from. Implementations are thread-safe.
 *
 * <pre>{@code
 * TokenSource tokens = TokenSource.oauth2ClientCredentials(
 *     HttpUrl.get("https://auth.example.com/oauth/token"), "client-id", Secret.of(secret))
 *     .scope("orders").build();
 * }</pre>
 */
public interface TokenSource {

  /** A token believed valid now (cached; renewed ahead of its expiry). */
  Token token();

  /**
   * The server refused {@code rejected}: returns a fresh token. Concurrent callers holding the same
   * rejected token share ONE login; a caller whose token was already replaced gets the new one.
   */
  Token renew(Token rejected);

  /**
   * Caches the tokens {@code login} returns (Caffeine), renews {@code renewBefore} ahead of expiry
   * on {@code clock}, and makes one login serve every concurrent caller.
   */
  static TokenSource caching(Supplier<Token> login, Duration renewBefore, Clock clock) {
    return new CachingTokenSource(login, renewBefore, clock);
  }

  /** A builder for the OAuth2 client-credentials grant (RFC 6749 section 4.4), cached as above. */
  static OAuth2ClientCredentials.Builder oauth2ClientCredentials(
      HttpUrl tokenUrl, String clientId, io.connectsdk.core.Secret clientSecret) {
    return OAuth2ClientCredentials.builder(requireNonNull(tokenUrl, "tokenUrl"),
        requireNonNull(clientId, "clientId"), requireNonNull(clientSecret, "clientSecret"));
  }
}
