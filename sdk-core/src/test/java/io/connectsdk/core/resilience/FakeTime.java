package io.connectsdk.core.resilience;

import io.connectsdk.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when slept on or advanced, recording every sleep. Thread-safe. */
final class FakeTime extends Clock implements Sleeper {
  private Instant now = Instant.parse("2026-11-22T10:00:00Z");
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration d) {
    sleeps.add(d);
    now = now.plus(d);
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  synchronized Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
