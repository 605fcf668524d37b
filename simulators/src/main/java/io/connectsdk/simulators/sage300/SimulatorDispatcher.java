package io.connectsdk.simulators.sage300;

import io.connectsdk.simulators.base.CallCounters;
import io.connectsdk.simulators.base.FaultPlan;
import io.connectsdk.simulators.base.LoopbackServer;
import io.connectsdk.simulators.base.SimAnswer;
import io.connectsdk.simulators.base.SimFault;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline: capacity, latency, sign-on, Content-Type, fault, then the resource.
 * The shared {@link LoopbackServer} calls it on one thread per connection, so the in-flight count
 * is real.
 */
final class SimulatorDispatcher implements LoopbackServer.Handler {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatorDispatcher.class);
  private static final Set<String> MODULES =
      Set.of("AP", "AR", "BK", "CS", "GL", "IC", "OE", "PO", "TX");
  /** Marker: close the connection instead of answering. */
  static final SimResponse RESET = new SimResponse(0, null, Map.of());

  private final SimSettings settings;
  private final ResourceStore store;
  private final FaultPlan faults;
  private final CallCounters counters;
  private final Sage300Simulator.Sleeper sleeper;
  private final Supplier<String> baseUrl;
  private final BasicAuth auth;
  private final ResourceReader reader;
  private final ResourceWriter writer;

  SimulatorDispatcher(SimSettings settings, ResourceStore store, FaultPlan faults,
      CallCounters counters, Sage300Simulator.Sleeper sleeper, Supplier<String> baseUrl) {
    this.settings = settings;
    this.store = store;
    this.faults = faults;
    this.counters = counters;
    this.sleeper = sleeper;
    this.baseUrl = baseUrl;
    this.auth = new BasicAuth(settings.users());
    this.reader = new ResourceReader(settings.pageSize());
    this.writer = new ResourceWriter(settings.clock(), settings.duplicateStatus(),
        settings.recordInvalidStatus(), settings.updateReturnsRecord());
  }

  @Override
  public SimAnswer handle(RecordedRequest request, int inFlight) throws InterruptedException {
    return toAnswer(respond(request, inFlight));
  }

  private SimResponse respond(RecordedRequest request, int inFlight)
      throws InterruptedException {
    String method = request.getMethod();
    RequestPath path = null;
    SageError pathError = null;
    try {
      path = RequestPath.parse(request.getTarget());
      counters.count(method, path.resourcePath());
    } catch (SageError e) {
      counters.count(method, "?");
      pathError = e;
    }
    try {
      if (inFlight > settings.maxConcurrent()) {
        return tooManyRequests(Sage300Fault.tooManyRequests().asError());
      }
      Duration latency = faults.latency();
      if (!latency.isZero()) {
        sleeper.sleep(latency);
      }
      auth.check(request.getHeaders().get("Authorization"));
      checkContentType(request.getHeaders().get("Content-Type"));
      if (pathError != null) {
        throw pathError;
      }
      SimFault fault = faults.next();
      if (fault.kind() == SimFault.Kind.ERROR) {
        SageError e = Sage300Fault.asError(fault);
        return e.status == 429 ? tooManyRequests(e) : SimResponse.error(e);
      }
      if (fault.kind() == SimFault.Kind.RESET) {
        return RESET;
      }
      RequestPath routed = path;
      String body = body(request);
      if (fault.kind() == SimFault.Kind.RESET_AFTER_APPLY) {
        try {
          route(method, routed, body);
        } catch (SageError ignored) {
          // the client never learns the outcome either way
        }
        return RESET;
      }
      return route(method, routed, body);
    } catch (SageError e) {
      return SimResponse.error(e);
    } catch (RuntimeException e) {
      LOG.warn("simulator failed on {} {}", method, request.getTarget(), e);
      return SimResponse.error(new SageError(500, "InternalServerError", "An error has occurred."));
    }
  }

  private SimResponse route(String method, RequestPath path, String body) {
    Map<String, ResourceTable> company = store.company(path.company());
    if (company == null) {
      throw SageError.resourceNotFound("The company '" + path.company() + "' does not exist.");
    }
    if (!MODULES.contains(path.module())) {
      throw SageError.resourceNotFound("The module '" + path.module() + "' does not exist.");
    }
    ResourceTable table = company.get(path.resourcePath());
    if (table == null) {
      throw SageError.resourceNotFound(
          "The resource '" + path.resourcePath() + "' does not exist.");
    }
    ResourceSpec spec = table.spec;
    boolean needsKey = Set.of("PATCH", "PUT", "DELETE").contains(method);
    if (!spec.allows(method) || (needsKey && path.key() == null)) {
      return new SimResponse(405, SageError.body("MethodNotAllowed", "The requested resource "
          + "does not support http method '" + method + "'."),
          Map.of("Allow", String.join(", ", new TreeSet<>(spec.methods()))));
    }
    String moduleUrl = baseUrl.get() + RequestPath.PREFIX + path.company() + "/" + path.module()
        + "/";
    synchronized (store) {
      switch (method) {
        case "GET" -> {
          return reader.get(table, path, moduleUrl);
        }
        case "POST" -> {
          if (path.key() != null) {
            throw new SageError(400, "InvalidAction", "Actions and templates on "
                + spec.name() + "(" + path.key() + ") are not supported by the simulator.");
          }
          return writer.post(company, table, body, moduleUrl);
        }
        case "DELETE" -> {
          return writer.delete(table, KeyParser.parse(spec, path.key()));
        }
        default -> {
          RecordKey key = KeyParser.parse(spec, path.key());
          return writer.update(company, table, key, body, moduleUrl, method.equals("PUT"));
        }
      }
    }
  }

  private static void checkContentType(String contentType) {
    String media = contentType == null ? "" : contentType.split(";", 2)[0].trim();
    if (!media.toLowerCase(Locale.ROOT).equals("application/json")) {
      throw new SageError(500, "InternalServerError",
          "An error has occurred. The request must have the header Content-Type: application/json.");
    }
  }

  private SimResponse tooManyRequests(SageError error) {
    SageError e = new SageError(settings.tooManyRequestsStatus(), error.code, error.getMessage());
    Duration retryAfter = settings.retryAfter();
    return retryAfter == null ? SimResponse.error(e)
        : new SimResponse(e.status, e.body(), Map.of("Retry-After",
            Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000))));
  }

  private static String body(RecordedRequest request) {
    ByteString body = request.getBody();
    return body == null ? null : body.utf8();
  }

  private static SimAnswer toAnswer(SimResponse response) {
    if (response == RESET) {
      return SimAnswer.reset();
    }
    return new SimAnswer(response.status(), response.body(),
        response.body() == null ? null
            : "application/json; odata.metadata=minimal; charset=utf-8",
        response.headers());
  }
}
