package io.connectsdk.simulators.base;

import static java.util.Objects.requireNonNull;

import io.connectsdk.simulators.NoDelayServerSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A MockWebServer on {@code 127.0.0.1} with {@code TCP_NODELAY}, one thread per connection, the
 * in-flight count measured around each request and no request history kept (long runs stay flat).
 * A simulator supplies the {@link Handler}; {@link SimAnswer#reset()} closes the connection.
 *
 * <p>Thread-safe.
 */
public final class LoopbackServer implements AutoCloseable {
  /** Answers one request; called concurrently, one thread per connection. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param request the request
     * @param inFlight requests in flight now, this one included
     */
    SimAnswer handle(RecordedRequest request, int inFlight) throws InterruptedException;
  }

  private static final Logger MWS_LOG = Logger.getLogger(MockWebServer.class.getName());

  private final MockWebServer server = new MockWebServer();
  private final CallCounters counters;
  private volatile String url;

  /** A server that counts into {@code counters}. */
  public LoopbackServer(CallCounters counters) {
    this.counters = requireNonNull(counters, "counters");
  }

  /**
   * Binds a random port on 127.0.0.1 and starts serving.
   *
   * @return {@code http://127.0.0.1:PORT}
   * @throws UncheckedIOException if the port cannot be bound
   * @throws IllegalStateException if already started
   */
  public synchronized String start(Handler handler) {
    requireNonNull(handler, "handler");
    if (url != null) {
      throw new IllegalStateException("already started");
    }
    MWS_LOG.setLevel(Level.WARNING);
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        int inFlight = counters.enter();
        try {
          drainRecordedRequests();
          return toMock(handler.handle(request, inFlight));
        } finally {
          counters.exit();
        }
      }
    });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    url = "http://127.0.0.1:" + server.getPort();
    return url;
  }

  /** {@code http://127.0.0.1:PORT} without a trailing slash. */
  public String url() {
    String u = url;
    if (u == null) {
      throw new IllegalStateException("not started");
    }
    return u;
  }

  public CallCounters counters() {
    return counters;
  }

  /** Stops the server and drops open connections. */
  @Override
  public void close() {
    server.close();
  }

  private void drainRecordedRequests() {
    // MockWebServer queues every request for takeRequest(); drain so long runs keep no history.
    try {
      while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
        // discard
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static MockResponse toMock(SimAnswer answer) {
    if (answer.isReset()) {
      return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }
    MockResponse.Builder b = new MockResponse.Builder().code(answer.status());
    answer.headers().forEach(b::setHeader);
    if (answer.body() != null) {
      b.setHeader("Content-Type", answer.contentType());
      b.body(answer.body());
    }
    return b.build();
  }
}
