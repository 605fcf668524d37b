package io.connectsdk.core.event;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shields the handler from a throwing {@link WebhookListener}: failures are logged, not thrown. */
final class SafeWebhookListener implements WebhookListener {
  private static final Logger LOG = LoggerFactory.getLogger(SafeWebhookListener.class);
  private final WebhookListener delegate;

  SafeWebhookListener(WebhookListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void rejected(WebhookRejection rejection) {
    call(l -> l.rejected(rejection));
  }

  @Override
  public void malformedEvent(String reason, byte[] rawBody) {
    call(l -> l.malformedEvent(reason, rawBody));
  }

  @Override
  public void duplicate(WebhookEvent event) {
    call(l -> l.duplicate(event));
  }

  @Override
  public void stale(WebhookEvent event) {
    call(l -> l.stale(event));
  }

  @Override
  public void dispatchFailed(WebhookEvent event, Throwable failure) {
    call(l -> l.dispatchFailed(event, failure));
  }

  private void call(Consumer<WebhookListener> callback) {
    try {
      callback.accept(delegate);
    } catch (RuntimeException e) {
      LOG.warn("webhook listener {} threw; ignored", delegate.getClass().getName(), e);
    }
  }
}
