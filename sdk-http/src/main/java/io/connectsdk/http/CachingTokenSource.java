package io.connectsdk.http;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@link TokenSource#caching}: one Caffeine entry whose life ends {@code renewBefore} ahead of the
 * token's expiry. Caffeine loads an absent entry once for all concurrent readers, which is what
 * makes a burst of 401s cost one login: each caller removes the entry only if it still holds the
 * token that was rejected, then reads it, joining the load already in flight.
 */
final class CachingTokenSource implements TokenSource {
  private static final String KEY = "token";

  private final Supplier<Token> login;
  private final LoadingCache<String, Token> cache;
  private final AtomicLong logins = new AtomicLong();

  CachingTokenSource(Supplier<Token> login, Duration renewBefore, Clock clock) {
    this.login = requireNonNull(login, "login");
    requireNonNull(renewBefore, "renewBefore");
    requireNonNull(clock, "clock");
    if (renewBefore.isNegative()) {
      throw new IllegalArgumentException("renewBefore < 0: " + renewBefore);
    }
    this.cache = Caffeine.newBuilder()
        .ticker(() -> {
          Instant i = clock.instant();
          return i.getEpochSecond() * 1_000_000_000L + i.getNano();
        })
        .expireAfter(new Expiry<String, Token>() {
          @Override
          public long expireAfterCreate(String key, Token token, long now) {
            return life(token, now);
          }

          @Override
          public long expireAfterUpdate(String key, Token token, long now, long current) {
            return life(token, now);
          }

          @Override
          public long expireAfterRead(String key, Token token, long now, long current) {
            return current;
          }

          private long life(Token token, long now) {
            if (token.expiresAt().equals(Instant.MAX)) {
              return Long.MAX_VALUE;
            }
            Instant renewAt = token.expiresAt().minus(renewBefore);
            long at = renewAt.getEpochSecond() * 1_000_000_000L + renewAt.getNano();
            return Math.max(0, at - now);
          }
        })
        .build(k -> load());
  }

  private Token load() {
    logins.incrementAndGet();
    return requireNonNull(login.get(), "login returned null");
  }

  @Override
  public Token token() {
    return cache.get(KEY);
  }

  @Override
  public Token renew(Token rejected) {
    requireNonNull(rejected, "rejected");
    cache.asMap().remove(KEY, rejected);
    return cache.get(KEY);
  }

  /** Logins made so far. */
  long logins() {
    return logins.get();
  }

  @Override
  public String toString() {
    return "TokenSource.caching[logins=" + logins.get() + "]";
  }
}
