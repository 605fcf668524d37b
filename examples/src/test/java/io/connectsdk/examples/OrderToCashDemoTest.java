package io.connectsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.simulators.sage300.Sage300Simulator;
import io.connectsdk.testkit.FakeClock;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's steps against the Sage 300 simulator (faults on), with exact counts. */
class OrderToCashDemoTest {
  private static final int CUSTOMERS = 6;
  private static final int ORDERS = 8;

  private final FakeClock clock = FakeClock.at("2026-11-22T10:00:00Z");
  private DemoEnvironment env;
  private Sage300Simulator sim;

  @BeforeEach
  void start() {
    env = new DemoEnvironment(clock);
    sim = env.simulator();
    BngSampleData.seedItems(sim);
    BngSampleData.seed(env.bng());
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void syncCustomers_overlongCompanyName_deadLettersItWithFieldAndReason() {
    OrderToCash flow = new OrderToCash(env, clock);

    SyncResult result = flow.syncCustomers();

    assertThat(result.read()).isEqualTo(CUSTOMERS);
    assertThat(delivered(result)).isEqualTo(CUSTOMERS - 1);
    assertThat(result.deadLettered()).isEqualTo(1);
    assertThat(sim.count("AR", "ARCustomers")).isEqualTo(CUSTOMERS - 1);
    List<DeadLetter> letters = flow.customerDeadLetters();
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0);
    assertThat(letter.source().id()).isEqualTo(BngSampleData.BAD_CUSTOMER);
    assertThat(letter.error().code()).isEqualTo("MappingFailed");
    assertThat(letter.error().fieldPath()).isEqualTo("CustomerName");
    assertThat(letter.error().message()).contains("longer than 60");
  }

  @Test
  void fixCustomerMappingAndReplay_afterDeadLetter_createsTruncatedCustomerAndEmptiesQueue() {
    OrderToCash flow = new OrderToCash(env, clock);
    flow.syncCustomers();

    SyncResult replay = flow.fixCustomerMappingAndReplay();

    assertThat(delivered(replay)).isEqualTo(1);
    assertThat(replay.deadLettered()).isZero();
    assertThat(flow.customerDeadLetters()).isEmpty();
    assertThat(sim.count("AR", "ARCustomers")).isEqualTo(CUSTOMERS);
    ObjectNode fixed =
        sim.record("AR", "ARCustomers", BngSampleData.BAD_CUSTOMER_NUMBER).orElseThrow();
    assertThat(fixed.path("CustomerName").asText()).hasSize(DemoMappings.CUSTOMER_NAME_MAX)
        .startsWith("Northern Lights Hospitality");
  }

  @Test
  void syncOrders_afterCustomers_createsEachOrderOnceAndWritesOrderNumberBack() {
    OrderToCash flow = new OrderToCash(env, clock);
    flow.syncCustomers();
    flow.fixCustomerMappingAndReplay();

    SyncResult first = flow.syncOrders();

    assertThat(first.read()).isEqualTo(ORDERS);
    // a lost POST answer makes the retry find the order by its reference: unchanged, not created
    assertThat(delivered(first)).isEqualTo(ORDERS);
    assertThat(first.updated()).isZero();
    assertThat(first.deadLettered()).isZero();
    List<ObjectNode> sageOrders = sim.records("OE", "OEOrders");
    assertThat(sageOrders).hasSize(ORDERS);
    Map<String, ObjectNode> byReference = sageOrders.stream().collect(Collectors.toMap(
        o -> o.path("OrderReference").asText(), Function.identity()));
    List<Entity> bngOrders = env.bng().records(EntityType.SALES_ORDER);
    assertThat(bngOrders).hasSize(ORDERS);
    for (Entity order : bngOrders) {
      ObjectNode sageOrder = byReference.get(order.id());
      assertThat(sageOrder).as("Sage order for %s", order.id()).isNotNull();
      assertThat(order.text("erp_reference")).contains(sageOrder.path("OrderNumber").asText());
      assertThat(order.text("status")).contains(ErpReferenceWriteBack.PROCESSING);
      String customerId = order.text("customer_id").orElseThrow();
      String expectedCustomer = BngSampleData.customers().stream()
          .filter(c -> c.id().equals(customerId)).findFirst().orElseThrow()
          .text("external_id").orElseThrow();
      assertThat(sageOrder.path("CustomerNumber").asText()).isEqualTo(expectedCustomer);
      assertThat(sageOrder.path("OrderDetails")).hasSize(order.field("lines").size());
    }
    assertThat(flow.ordersConfirmedInSage(OrderToCashDemo.CHECK_THREADS)).isEqualTo(ORDERS);
  }

  @Test
  void syncOrders_secondRun_createsNothing() {
    OrderToCash flow = new OrderToCash(env, clock);
    flow.syncCustomers();
    flow.fixCustomerMappingAndReplay();
    flow.syncOrders();
    long postsBefore = sim.calls("POST", "OE", "OEOrders");

    SyncResult again = flow.syncOrders();

    assertThat(again.read()).isEqualTo(ORDERS); // the write-backs are changes in BNG
    assertThat(again.created()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(ORDERS);
    assertThat(sim.count("OE", "OEOrders")).isEqualTo(ORDERS);
    assertThat(sim.calls("POST", "OE", "OEOrders")).isEqualTo(postsBefore);
    assertThat(flow.orderDeadLetters()).isEmpty();
    assertThat(flow.customerDeadLetters()).isEmpty();
  }

  private static long delivered(SyncResult r) {
    return r.created() + r.updated() + r.unchanged();
  }

  @Test
  void run_wholeDemo_printsEveryStepWithinLimitsAndNoSecret() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    new OrderToCashDemo(env, clock, out).run();

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("bng:customer:" + BngSampleData.BAD_CUSTOMER + "  PERMANENT MappingFailed at"
            + " CustomerName")
        .contains("queue now holds 0")
        .contains("[3] Job 2: BNG orders -> Sage 300 OE/OEOrders")
        .contains("read 8, created 0, updated 0, unchanged 8")
        .contains("8 of 8 BNG orders carry the OrderNumber")
        .contains("exactly once: 6 BNG customers -> 6 ARCustomers; 8 BNG orders -> 8 OEOrders"
            + " (8 distinct OrderReference)")
        .contains("dead-letter queues: bng-customers-to-sage300 0, bng-orders-to-sage300 0")
        .doesNotContain(env.sagePassword().reveal());
    assertThat(sim.maxConcurrency()).isBetween(1, DemoEnvironment.SAGE_MAX_CONCURRENCY);
    assertThat(env.sagePolicy().stats().retries()).isPositive();
  }

  @Test
  void run_wholeDemoThenClose_leavesNoNonDaemonThreadRunning() throws InterruptedException {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    DemoEnvironment own = new DemoEnvironment(clock);
    BngSampleData.seedItems(own.simulator());
    BngSampleData.seed(own.bng());
    new OrderToCashDemo(own, clock, new PrintStream(OutputStream.nullOutputStream())).run();

    own.close();

    List<Thread> started = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && !t.isDaemon()).toList();
    for (Thread t : started) {
      t.join(10_000); // a closed server's threads finish their current loop first
    }
    assertThat(started.stream().filter(Thread::isAlive).map(Thread::getName).toList())
        .as("non-daemon threads keep exec:java (and any host JVM) from exiting")
        .isEmpty();
  }
}
