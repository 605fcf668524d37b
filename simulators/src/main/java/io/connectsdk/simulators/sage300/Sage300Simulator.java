package io.connectsdk.simulators.sage300;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.simulators.base.CallCounters;
import io.connectsdk.simulators.base.FaultPlan;
import io.connectsdk.simulators.base.LoopbackServer;
import io.connectsdk.simulators.base.SimFault;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A stateful fake of the Sage 300 Web API on {@code 127.0.0.1}: OData reads with paging and
 * {@code $filter}, writes with Sage's business rules, Basic sign-on, a concurrency limit and
 * seeded fault injection.
 *
 * <pre>{@code
 * try (Sage300Simulator sim = Sage300Simulator.builder().pageSize(50).build().start()) {
 *   sim.put("AR", "ARCustomers", customerJson);
 *   String url = sim.baseUrl() + "/Sage300WebApi/v1.0/-/SAMINC/AR/ARCustomers";
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests run concurrently (one thread per connection) and every helper method may
 * be called while requests are in flight. Defaults: company SAMINC; users WEBAPI/WEBAPI (with the
 * Web API right) and ADMIN/ADMIN (without); page size 100; 4 concurrent requests; TooManyRequests
 * as 429; RecordDuplicate as 409; RecordInvalid as 400; system UTC clock; seed 42; no faults.
 */
public final class Sage300Simulator implements AutoCloseable {
  /**
   * Waits out injected latency; tests inject one that blocks on a latch or just records. The
   * shared {@link io.connectsdk.simulators.base.Sleeper} under its historical name.
   */
  @FunctionalInterface
  public interface Sleeper extends io.connectsdk.simulators.base.Sleeper {}

  private final SimSettings settings;
  private final ResourceStore store;
  private final FaultPlan faults;
  private final CallCounters counters = new CallCounters();
  private final Sleeper sleeper;
  private final LoopbackServer server = new LoopbackServer(counters);
  private volatile String baseUrl;

  private Sage300Simulator(Builder b) {
    Map<String, SimUser> users = new LinkedHashMap<>(b.users);
    if (users.isEmpty()) {
      users.put("WEBAPI", new SimUser("WEBAPI", "WEBAPI", true));
      users.put("ADMIN", new SimUser("ADMIN", "ADMIN", false));
    }
    this.settings = new SimSettings(b.companies, users,
        ResourceCatalog.defaults(b.locationDetailsResource), b.clock, b.pageSize,
        b.maxConcurrent, b.tooManyRequestsStatus, b.retryAfter, b.duplicateStatus,
        b.recordInvalidStatus, b.updateReturnsRecord, b.seed);
    this.store = new ResourceStore(new LinkedHashSet<>(b.companies), settings.specs());
    this.faults = new FaultPlan(new Random(b.seed), List.of(500, 503, 429));
    this.sleeper = b.sleeper;
  }

  /** A builder with the defaults listed on the class. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds a random port on 127.0.0.1 and starts serving.
   *
   * @return this
   * @throws UncheckedIOException if the port cannot be bound
   * @throws IllegalStateException if already started
   */
  public Sage300Simulator start() {
    baseUrl = server.start(new SimulatorDispatcher(settings, store, faults, counters, sleeper,
        () -> baseUrl));
    return this;
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash; resources live under it. */
  public String baseUrl() {
    if (baseUrl == null) {
      throw new IllegalStateException("not started");
    }
    return baseUrl;
  }

  /** The URL of a resource collection in the default (first) company. */
  public String resourceUrl(String module, String resource) {
    return baseUrl() + RequestPath.PREFIX + defaultCompany() + "/" + module + "/"
        + resource;
  }

  /** Stops the server and drops open connections. */
  @Override
  public void close() {
    server.close();
  }

  // ---- data helpers --------------------------------------------------------------------------

  /** Seeds or overwrites a record in the default company; see {@link #put(String, String, String, ObjectNode)}. */
  public void put(String module, String resource, ObjectNode record) {
    put(defaultCompany(), module, resource, record);
  }

  /**
   * Seeds or overwrites a record without business validation. The key properties must be present
   * (ICItems: ItemNumber); the change date is stamped from the clock unless the record has one.
   *
   * @throws IllegalArgumentException for an unknown company/resource or a missing/mistyped key
   */
  public void put(String company, String module, String resource, ObjectNode record) {
    store.seed(company, module, resource, requireNonNull(record, "record"), settings.clock());
  }

  /** Copies of all records of a resource in the default company, in key order. */
  public List<ObjectNode> records(String module, String resource) {
    return records(defaultCompany(), module, resource);
  }

  /** Copies of all records of a resource in a company, in key order. */
  public List<ObjectNode> records(String company, String module, String resource) {
    return store.copies(company, module, resource);
  }

  /**
   * A copy of one record of the default company by its key values in key order ({@link String}
   * for text keys, an integral {@link Number} for numeric ones).
   */
  public Optional<ObjectNode> record(String module, String resource, Object... key) {
    return Optional.ofNullable(store.copy(defaultCompany(), module, resource, key));
  }

  /** Number of records of a resource in the default company. */
  public int count(String module, String resource) {
    return store.size(defaultCompany(), module, resource);
  }

  /** Clears all records, counters, fault rates, latency and the script. */
  public void reset() {
    store.clear();
    faults.clear();
    counters.reset();
  }

  // ---- observability -------------------------------------------------------------------------

  /** Requests seen for a method and resource, e.g. {@code calls("GET", "AR", "ARCustomers")}. */
  public long calls(String method, String module, String resource) {
    return counters.calls(method.toUpperCase(Locale.ROOT), module + "/" + resource);
  }

  /** All counters keyed "METHOD MODULE/Resource" ("?" for unparseable paths), sorted. */
  public Map<String, Long> calls() {
    return counters.snapshot();
  }

  /** All requests received, rejected ones included. */
  public long totalRequests() {
    return counters.total();
  }

  /** Requests being handled right now. */
  public int inFlight() {
    return counters.inFlight();
  }

  /** The highest number of requests in flight at once, rejected ones included. */
  public int maxConcurrency() {
    return counters.maxInFlight();
  }

  /** Zeroes the call counters, total and peak concurrency. */
  public void resetCounters() {
    counters.reset();
  }

  // ---- fault knobs ---------------------------------------------------------------------------

  /**
   * Fraction of requests answered 500 InternalServerError or 503 SessionError.
   *
   * @throws IllegalArgumentException for another status, a rate outside [0,1] or total rates over 1
   */
  public Sage300Simulator errorRate(int status, double rate) {
    if (status != 500 && status != 503) {
      throw new IllegalArgumentException(
          "status must be 500 (InternalServerError) or 503 (SessionError): " + status);
    }
    faults.statusRate(status, rate);
    return this;
  }

  /** Fraction of requests answered TooManyRequests regardless of load. */
  public Sage300Simulator tooManyRequestsRate(double rate) {
    faults.statusRate(429, rate);
    return this;
  }

  /** Fraction of requests whose connection is closed before anything is applied. */
  public Sage300Simulator resetRate(double rate) {
    faults.resetRate(rate);
    return this;
  }

  /** Fraction of requests applied and then left unanswered (connection closed). */
  public Sage300Simulator resetAfterApplyRate(double rate) {
    faults.resetAfterApplyRate(rate);
    return this;
  }

  /** Delay added to every admitted request, waited out by the configured {@link Sleeper}. */
  public Sage300Simulator latency(Duration latency) {
    faults.latency(requireNonNull(latency, "latency"));
    return this;
  }

  /** Queues outcomes for the next requests (that pass sign-on), ahead of the random rates. */
  public Sage300Simulator script(Sage300Fault... outcomes) {
    List<SimFault> script = new ArrayList<>();
    for (Sage300Fault f : outcomes) {
      script.add(requireNonNull(f, "outcome").fault);
    }
    faults.script(script);
    return this;
  }

  /** Scripted outcomes not yet consumed. */
  public int scriptedRemaining() {
    return faults.scripted();
  }

  /** Removes every fault rate, the latency and the script. */
  public void clearFaults() {
    faults.clear();
  }

  private String defaultCompany() {
    return settings.companies().get(0);
  }

  /** Configuration of a {@link Sage300Simulator}; {@link #build()} copies, so it is reusable. */
  public static final class Builder {
    private final List<String> companies = new ArrayList<>(List.of("SAMINC"));
    private final Map<String, SimUser> users = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private int pageSize = 100;
    private int maxConcurrent = 4;
    private int tooManyRequestsStatus = 429;
    private Duration retryAfter;
    private int duplicateStatus = 409;
    private int recordInvalidStatus = 400;
    private boolean updateReturnsRecord = true;
    private String locationDetailsResource = "ICLocationDetails";
    private long seed = 42;
    private Sleeper sleeper = d -> Sleeper.REAL.sleep(d);

    private Builder() {}

    /** Company ids served (replaces the default SAMINC); the first is the helpers' default. */
    public Builder companies(String... ids) {
      if (ids.length == 0) {
        throw new IllegalArgumentException("at least one company is required");
      }
      companies.clear();
      for (String id : ids) {
        if (requireNonNull(id, "company").isBlank() || id.contains("/")) {
          throw new IllegalArgumentException("invalid company id: " + id);
        }
        companies.add(id.toUpperCase(Locale.ROOT));
      }
      return this;
    }

    /** Adds a sign-on (names are case-insensitive); once any is added the defaults are dropped. */
    public Builder user(String name, String password, boolean webApiRight) {
      SimUser user = new SimUser(name, password, webApiRight);
      users.put(name.toUpperCase(Locale.ROOT), user);
      return this;
    }

    /** Clock for DateLastMaintained / DateLastEdited (its zone decides the date). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** Server page size of collection reads; default 100. */
    public Builder pageSize(int pageSize) {
      this.pageSize = positive(pageSize, "pageSize");
      return this;
    }

    /** Requests in flight above which the server answers TooManyRequests; default 4. */
    public Builder maxConcurrentRequests(int max) {
      this.maxConcurrent = positive(max, "maxConcurrentRequests");
      return this;
    }

    /** HTTP status of TooManyRequests: 429 (default) or 503. */
    public Builder tooManyRequestsStatus(int status) {
      this.tooManyRequestsStatus = oneOf(status, "tooManyRequestsStatus", 429, 503);
      return this;
    }

    /** Sends {@code Retry-After} (whole seconds, rounded up) with TooManyRequests; default none. */
    public Builder retryAfter(Duration retryAfter) {
      if (requireNonNull(retryAfter, "retryAfter").isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
      }
      this.retryAfter = retryAfter;
      return this;
    }

    /** HTTP status of RecordDuplicate: 409 (default) or 400. */
    public Builder duplicateStatus(int status) {
      this.duplicateStatus = oneOf(status, "duplicateStatus", 400, 409);
      return this;
    }

    /** HTTP status of RecordInvalid: 400 (default) or 409. */
    public Builder recordInvalidStatus(int status) {
      this.recordInvalidStatus = oneOf(status, "recordInvalidStatus", 400, 409);
      return this;
    }

    /** Whether PATCH/PUT answer 200 with the record (default) or 204 without a body. */
    public Builder updateReturnsRecord(boolean returnRecord) {
      this.updateReturnsRecord = returnRecord;
      return this;
    }

    /** Name of the IC stock-by-location resource; default ICLocationDetails. */
    public Builder locationDetailsResource(String name) {
      if (!requireNonNull(name, "name").matches("[A-Za-z][A-Za-z0-9]*")) {
        throw new IllegalArgumentException("invalid resource name: " + name);
      }
      this.locationDetailsResource = name;
      return this;
    }

    /** Seed of the fault-injection Random; default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How injected latency is waited out; default {@link Thread#sleep}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** A new, not yet started simulator. */
    public Sage300Simulator build() {
      return new Sage300Simulator(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }

    private static int oneOf(int value, String name, int a, int b) {
      if (value != a && value != b) {
        throw new IllegalArgumentException(name + " must be " + a + " or " + b + ": " + value);
      }
      return value;
    }
  }
}
