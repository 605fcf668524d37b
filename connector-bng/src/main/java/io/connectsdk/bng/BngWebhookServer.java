package io.connectsdk.bng;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectsdk.core.event.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts {@link BngWebhooks} on the JDK's built-in {@code com.sun.net.httpserver.HttpServer}, for
 * apps without a web framework. Only {@code POST} to the path is handled (405 otherwise); bodies
 * larger than the webhooks' maximum are refused with 413 before they are read in full. Put TLS in
 * front of it (a reverse proxy) when it faces the internet.
 *
 * <pre>{@code
 * try (BngWebhookServer server =
 *     BngWebhookServer.start(hooks, new InetSocketAddress(8080), "/bng/events")) {
 *   // subscribe server.url() in BNG
 * }
 * }</pre>
 */
public final class BngWebhookServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BngWebhookServer.class);

  private final HttpServer server;
  private final ExecutorService threads;
  private final String path;

  private BngWebhookServer(HttpServer server, ExecutorService threads, String path) {
    this.server = server;
    this.threads = threads;
    this.path = path;
  }

  /**
   * Starts serving {@code path} at {@code address} (port 0 picks a free one) with two request
   * threads; the webhooks' own queue does the work.
   *
   * @throws IOException if the address cannot be bound
   */
  public static BngWebhookServer start(BngWebhooks webhooks, InetSocketAddress address,
      String path) throws IOException {
    requireNonNull(webhooks, "webhooks");
    requireNonNull(address, "address");
    requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    HttpServer server = HttpServer.create(address, 50);
    ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "bng-webhook-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(threads);
    server.createContext(path, exchange -> serve(webhooks, path, exchange));
    server.start();
    return new BngWebhookServer(server, threads, path);
  }

  /** The URL to subscribe in BNG, e.g. {@code http://127.0.0.1:8080/bng/events}. */
  public URI url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
    return URI.create("http://" + host + ":" + a.getPort() + path);
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting requests and releases the threads. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdown();
  }

  private static void serve(BngWebhooks webhooks, String path, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())
          || !exchange.getRequestURI().getPath().equals(path)) {
        exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals(path) ? 405 : 404,
            -1);
        return;
      }
      byte[] body = readAtMost(exchange.getRequestBody(), webhooks.maxBodyBytes() + 1);
      if (body.length > webhooks.maxBodyBytes()) {
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      WebhookResponse r = webhooks.handle(exchange.getRequestHeaders(), body);
      exchange.sendResponseHeaders(r.status(), -1);
    } catch (IOException | RuntimeException e) {
      LOG.warn("webhook request failed: {}", e.getClass().getSimpleName());
      throw e;
    }
  }

  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    return in.readNBytes(max);
  }
}
