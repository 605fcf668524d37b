package io.connectsdk.core.event;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Secret;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a webhook's HMAC-SHA256 signature and timestamp. Signatures are compared in constant time
 * ({@link MessageDigest#isEqual}); several secrets can be active at once so a secret can be rotated
 * without refusing events; a timestamp further than the tolerance from now (either way) is refused
 * as a replay. Never throws for bad input and never logs or reports a secret or an expected
 * signature. Immutable and thread-safe (the secret source must be thread-safe too).
 *
 * <p>Defaults: tolerance 300 s, UTC system clock. The scheme is the sending system's (a connector
 * brings it, e.g. connector-bng's {@code BNG-Signature}) and has no default.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder().secrets(current, previous).build();
 * }</pre>
 */
public final class WebhookVerifier {
  private final SignatureScheme scheme;
  private final Supplier<? extends Collection<Secret>> secrets;
  private final long toleranceSeconds;
  private final Clock clock;

  private WebhookVerifier(Builder b) {
    this.scheme = b.scheme;
    this.secrets = b.secrets;
    this.toleranceSeconds = b.tolerance.toSeconds();
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The scheme this verifier reads. */
  public SignatureScheme scheme() {
    return scheme;
  }

  /**
   * Verifies a request.
   *
   * @param body the raw request body, exactly as received
   * @return empty if authentic and fresh, otherwise why not
   */
  public Optional<WebhookRejection> verify(WebhookHeaders headers, byte[] body) {
    requireNonNull(headers, "headers");
    requireNonNull(body, "body");
    List<String> values = headers.values(scheme.headerName());
    if (values.isEmpty()) {
      return reject(WebhookOutcome.MISSING_SIGNATURE, "no " + scheme.headerName() + " header");
    }
    SignatureHeader header = SignatureHeader.parse(String.join(",", values), scheme);
    if (header.isMalformed()) {
      return reject(WebhookOutcome.MALFORMED_SIGNATURE, header.problem);
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - header.timestamp);
    if (skew > toleranceSeconds) {
      return reject(WebhookOutcome.STALE_TIMESTAMP, "signed timestamp " + header.timestamp
          + " is " + skew + " s from now; at most " + toleranceSeconds + " s allowed");
    }
    Collection<Secret> current = secrets.get();
    List<Secret> active = current == null ? List.of() : List.copyOf(current);
    if (active.isEmpty()) {
      return reject(WebhookOutcome.BAD_SIGNATURE, "no active webhook secret configured");
    }
    for (Secret secret : active) {
      byte[] expected = Hmac.sign(secret, header.timestamp, body);
      for (byte[] candidate : header.signatures) {
        if (MessageDigest.isEqual(expected, candidate)) {
          return Optional.empty();
        }
      }
    }
    return reject(WebhookOutcome.BAD_SIGNATURE, header.signatures.size()
        + " signature(s) checked against " + active.size() + " active secret(s); none matched");
  }

  private static Optional<WebhookRejection> reject(WebhookOutcome outcome, String detail) {
    return Optional.of(new WebhookRejection(outcome, detail));
  }

  /** Configures a {@link WebhookVerifier}. Not thread-safe; {@link #build()} copies. */
  public static final class Builder {
    private SignatureScheme scheme;
    private Supplier<? extends Collection<Secret>> secrets;
    private Duration tolerance = Duration.ofSeconds(300);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The header format (required), e.g. {@code new SignatureScheme("BNG-Signature", "t", "v1")}. */
    public Builder scheme(SignatureScheme scheme) {
      this.scheme = requireNonNull(scheme, "scheme");
      return this;
    }

    /** A fixed set of active secrets; an event signed with any of them is accepted. */
    public Builder secrets(Secret first, Secret... more) {
      List<Secret> all = new ArrayList<>();
      all.add(requireNonNull(first, "secret"));
      for (Secret s : more) {
        all.add(requireNonNull(s, "secret"));
      }
      return secrets(all);
    }

    /** A fixed set of active secrets (at least one). */
    public Builder secrets(Collection<Secret> secrets) {
      requireNonNull(secrets, "secrets");
      if (secrets.isEmpty()) {
        throw new IllegalArgumentException("no secrets given");
      }
      List<Secret> copy = List.copyOf(secrets);
      this.secrets = () -> copy;
      return this;
    }

    /**
     * A live source of active secrets, read on every request, so secrets can be rotated without
     * rebuilding the verifier. Must be thread-safe; may return an empty collection (all refused).
     */
    public Builder secretSource(Supplier<? extends Collection<Secret>> source) {
      this.secrets = requireNonNull(source, "source");
      return this;
    }

    /** How far a signed timestamp may be from now, either way; default 300 s. */
    public Builder tolerance(Duration tolerance) {
      requireNonNull(tolerance, "tolerance");
      if (tolerance.isNegative() || tolerance.toSeconds() < 1) {
        throw new IllegalArgumentException("tolerance must be at least 1 s: " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    /** Time source for the timestamp window; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** @throws IllegalStateException if no secrets were given */
    public WebhookVerifier build() {
      if (scheme == null) {
        throw new IllegalStateException("no signature scheme: call scheme(...)");
      }
      if (secrets == null) {
        throw new IllegalStateException("no webhook secrets: call secrets(...) or secretSource(...)");
      }
      return new WebhookVerifier(this);
    }
  }
}
