package io.connectsdk.examples;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Sleeper;
import io.connectsdk.core.resilience.ResilienceStats;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.simulators.sage300.Sage300Simulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The main demo: the first-wave order-to-cash slice from BNG to Sage 300, on embedded defaults
 * (the Sage 300 Web API simulator on loopback with injected faults, an in-memory BNG, in-memory
 * stores). Run it with {@code mvn -B -q -pl examples -am -Pdemo -DskipTests verify}. Prints each
 * step and a summary; never prints credentials. Not thread-safe: {@link #run()} once per instance.
 */
public final class OrderToCashDemo {
  static final int CHECK_THREADS = 4;
  static final Duration CHECK_LATENCY = Duration.ofMillis(20);

  private final DemoEnvironment env;
  private final OrderToCash flow;
  private final PrintStream out;
  private final List<SyncResult> results = new ArrayList<>();

  OrderToCashDemo(DemoEnvironment env, Sleeper sleeper, PrintStream out) {
    this.env = requireNonNull(env, "env");
    this.out = requireNonNull(out, "out");
    this.flow = new OrderToCash(env, sleeper);
  }

  /** Runs the demo against a fresh embedded environment and stops it again. */
  public static void main(String[] args) {
    try (DemoEnvironment env = new DemoEnvironment(Sleeper.system())) {
      new OrderToCashDemo(env, Sleeper.system(), System.out).run();
    }
  }

  /** Seeds both systems, runs every step and prints the summary. */
  void run() {
    setUp();
    out.println();
    out.println("[1] Job 1: BNG customers -> Sage 300 AR/ARCustomers  ("
        + DemoMappings.CUSTOMER_DOCUMENT + ")");
    out.println("    " + counts(record(flow.syncCustomers())));
    out.println();
    out.println("[2] Dead-letter queue of " + OrderToCash.CUSTOMER_JOB + ":");
    flow.customerDeadLetters().forEach(this::printDeadLetter);
    out.println("    fix: in the mapping document, the rule company_name -> CustomerName gains"
        + " \"truncate\": " + DemoMappings.CUSTOMER_NAME_MAX);
    out.println("    replay: " + counts(record(flow.fixCustomerMappingAndReplay()))
        + "; queue now holds " + flow.customerDeadLetters().size());
    String fixed = BngSampleData.BAD_CUSTOMER_NUMBER;
    env.simulator().record("AR", "ARCustomers", fixed).ifPresent(c -> out.println(
        "    Sage 300 " + fixed + ": \"" + c.path("CustomerName").asText() + "\""));
    out.println();
    out.println("[3] Job 2: BNG orders -> Sage 300 OE/OEOrders  (" + DemoMappings.ORDER_DOCUMENT
        + "; customer via the key map; write-back of erp_reference)");
    SyncResult orders = record(flow.syncOrders());
    out.println("    " + counts(orders));
    if (orders.unchanged() > 0) {
      out.println("    (" + orders.unchanged() + " found already in Sage 300: its POST answer was"
          + " lost, so the retry looked the order up by its OrderReference instead of posting"
          + " again)");
    }
    for (Entity order : env.bng().records(EntityType.SALES_ORDER)) {
      out.printf("    BNG order %s (%s) -> Sage %s, BNG status %s%n",
          order.text("order_number").orElse("?"), order.id(),
          order.text("erp_reference").orElse("(none)"), order.text("status").orElse("?"));
    }
    out.println();
    out.println("[4] Job 2 again (it reads back its own write-backs):");
    out.println("    " + counts(record(flow.syncOrders())) + "; Sage 300 now holds "
        + env.simulator().count("OE", "OEOrders") + " orders");
    out.println();
    // a little server time per request, so the threads really overlap and meet the connector's cap
    env.simulator().latency(CHECK_LATENCY);
    long confirmed = flow.ordersConfirmedInSage(CHECK_THREADS);
    env.simulator().latency(Duration.ZERO);
    out.printf("[5] Check on %d threads: %d of %d BNG orders carry the OrderNumber Sage 300 has%n",
        CHECK_THREADS, confirmed, env.bng().count(EntityType.SALES_ORDER));
    out.println();
    printSummary();
  }

  private void setUp() {
    Sage300Simulator sim = env.simulator();
    BngSampleData.seedItems(sim);
    BngSampleData.seed(env.bng());
    out.println("connect-sdk demo: order to cash, BNG -> Sage 300, everything inside this JVM");
    out.println();
    out.println("Sage 300: Web API simulator at " + sim.resourceUrl("AR", "ARCustomers")
        .replace("/AR/ARCustomers", "") + " (user " + DemoEnvironment.SAGE_USER + ")");
    out.printf("          injected faults: %.0f%% HTTP 500, %.0f%% TooManyRequests,"
            + " %.0f%% connection resets, %.0f%% lost responses%n",
        DemoEnvironment.ERROR_500_RATE * 100,
        DemoEnvironment.TOO_MANY_REQUESTS_RATE * 100, DemoEnvironment.RESET_RATE * 100,
        DemoEnvironment.LOST_RESPONSE_RATE * 100);
    out.println("          items " + String.join(", ", BngSampleData.ITEMS));
    out.printf("BNG:      %d customers, %d orders (shaped as systems/bng.md) in sdk-testkit's"
            + " InMemoryConnector;%n          the real BNG connector arrives later%n",
        env.bng().count(EntityType.CUSTOMER), env.bng().count(EntityType.SALES_ORDER));
    out.printf("          its first read answers 429 rate_limited, Retry-After %d s%n",
        DemoEnvironment.BNG_RETRY_AFTER.toSeconds());
    out.println("Stores:   in memory (the durable embedded H2 store comes with sdk-jdbc)");
  }

  private void printDeadLetter(DeadLetter d) {
    out.printf("    %s  %s %s at %s (attempt %d)%n        %s%n", d.source(), d.error().kind(),
        d.error().code(), d.error().fieldPath(), d.attempts(), d.error().message());
  }

  private void printSummary() {
    out.println("Summary");
    out.printf("  %-26s %5s %8s %8s %10s %14s %15s %16s %14s%n", "job", "read", "created",
        "updated", "unchanged", "dead-lettered", "failed attempts", "connector calls",
        "HTTP requests");
    for (SyncResult r : results) {
      out.printf("  %-26s %5d %8d %8d %10d %14d %15d %16d %14s%n", r.jobId(), r.read(),
          r.created(), r.updated(), r.unchanged(), r.deadLettered(), r.failedAttempts(),
          r.connectorCalls(), r.httpRequests() < 0 ? "-" : Long.toString(r.httpRequests()));
    }
    out.println("  (failed attempts: record writes the target refused and the engine retried;"
        + " connector calls: calls the engine made; HTTP requests: what the connectors sent,"
        + " retries and lookups included, so one record can cost several)");
    Sage300Simulator sim = env.simulator();
    long references = sim.records("OE", "OEOrders").stream()
        .map(o -> o.path("OrderReference").asText()).distinct().count();
    out.printf("  exactly once: %d BNG customers -> %d ARCustomers; %d BNG orders -> %d OEOrders"
            + " (%d distinct OrderReference)%n", env.bng().count(EntityType.CUSTOMER),
        sim.count("AR", "ARCustomers"), env.bng().count(EntityType.SALES_ORDER),
        sim.count("OE", "OEOrders"), references);
    Map<String, Long> calls = new TreeMap<>(sim.calls());
    out.println("  Sage 300 requests: " + sim.totalRequests() + " " + calls);
    ResilienceStats stats = env.sagePolicy().stats();
    out.printf("  retries after injected faults: %d (calls %d, attempts %d, failed calls %d)%n",
        stats.retries(), stats.calls(), stats.attempts(), stats.failures());
    out.printf("  most Sage 300 requests in flight: %d (connector limit %d)%n",
        sim.maxConcurrency(), DemoEnvironment.SAGE_MAX_CONCURRENCY);
    out.printf("  dead-letter queues: %s %d, %s %d%n", OrderToCash.CUSTOMER_JOB,
        flow.customerDeadLetters().size(), OrderToCash.ORDER_JOB, flow.orderDeadLetters().size());
  }

  private SyncResult record(SyncResult result) {
    results.add(result);
    return result;
  }

  private static String counts(SyncResult r) {
    return String.format("read %d, created %d, updated %d, unchanged %d, failed attempts %d,"
            + " dead-lettered %d, connector calls %d", r.read(), r.created(), r.updated(),
        r.unchanged(), r.failedAttempts(), r.deadLettered(), r.connectorCalls());
  }
}
