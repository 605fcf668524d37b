package io.connectsdk.core.resilience;

import io.connectsdk.core.ConnectorException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans a callback out to every listener; a throwing listener is logged, never propagated. */
final class Listeners implements ResilienceListener {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final List<ResilienceListener> listeners;

  Listeners(List<ResilienceListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onRetry(int attempt, ConnectorException failure, Duration delay) {
    each(l -> l.onRetry(attempt, failure, delay));
  }

  @Override
  public void onCircuitOpened(ConnectorException lastFailure) {
    each(l -> l.onCircuitOpened(lastFailure));
  }

  @Override
  public void onCircuitHalfOpened() {
    each(ResilienceListener::onCircuitHalfOpened);
  }

  @Override
  public void onCircuitClosed() {
    each(ResilienceListener::onCircuitClosed);
  }

  private void each(Consumer<ResilienceListener> callback) {
    for (ResilienceListener l : listeners) {
      try {
        callback.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("resilience listener {} threw; ignored", l.getClass().getName(), e);
      }
    }
  }
}
