package io.connectsdk.testkit;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Clock} that only moves when told to, and a {@link Sleeper} that advances it instead of
 * sleeping, so code that backs off runs instantly in tests. Thread-safe.
 *
 * <pre>{@code
 * FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
 * clock.advance(Duration.ofMinutes(5));
 * }</pre>
 */
public final class FakeClock extends Clock implements Sleeper {
  private final AtomicLong nanos;
  private final AtomicLong slept = new AtomicLong();
  private final ZoneId zone;

  private FakeClock(long epochNanos, ZoneId zone) {
    this.nanos = new AtomicLong(epochNanos);
    this.zone = zone;
  }

  public static FakeClock at(Instant instant) {
    requireNonNull(instant, "instant");
    return new FakeClock(instant.getEpochSecond() * 1_000_000_000L + instant.getNano(),
        ZoneOffset.UTC);
  }

  public static FakeClock at(String isoInstant) {
    return at(Instant.parse(isoInstant));
  }

  /** Moves the clock forward. */
  public FakeClock advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("cannot go back in time: " + d);
    }
    nanos.addAndGet(d.toNanos());
    return this;
  }

  /** Sets the clock to an instant (may go backwards, to test clock skew). */
  public FakeClock set(Instant instant) {
    nanos.set(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
    return this;
  }

  /** Advances the clock instead of sleeping. */
  @Override
  public void sleep(Duration duration) {
    if (!duration.isNegative() && !duration.isZero()) {
      slept.addAndGet(duration.toNanos());
      advance(duration);
    }
  }

  /** Total time "slept" through {@link #sleep}. */
  public Duration totalSlept() {
    return Duration.ofNanos(slept.get());
  }

  /** Nanoseconds since the epoch, for code that takes a nano ticker. */
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public Instant instant() {
    long n = nanos.get();
    return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    FakeClock c = new FakeClock(nanos.get(), zone);
    return c;
  }

  @Override
  public String toString() {
    return "FakeClock[" + instant() + "]";
  }
}
