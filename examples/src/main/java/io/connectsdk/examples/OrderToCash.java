package io.connectsdk.examples;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.Sleeper;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.core.sync.SyncTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The first-wave order-to-cash slice as two sync jobs over one set of stores: BNG customers to
 * Sage 300 ARCustomers, then BNG sales orders to OEOrders (customer numbers through the key map the
 * first job fills, Sage order numbers written back to BNG). Each step is one method so the demo
 * can print between them and the test can assert after each. Not thread-safe: one caller drives it.
 */
final class OrderToCash {
  static final String CUSTOMER_JOB = "bng-customers-to-sage300";
  static final String ORDER_JOB = "bng-orders-to-sage300";
  private static final int DEAD_LETTER_PAGE = 100;

  private final DemoEnvironment env;
  private final DemoMappings mappings;
  private final Sleeper sleeper;
  private SyncJob customerJob;
  private final SyncJob orderJob;

  OrderToCash(DemoEnvironment env, Sleeper sleeper) {
    this.env = requireNonNull(env, "env");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    this.mappings = new DemoMappings(env.stores().keyMap());
    this.customerJob = customerJob(mappings.customer());
    this.orderJob = SyncJob.builder(ORDER_JOB)
        .source(env.bng(), EntityType.SALES_ORDER)
        .sourcePolicy(env.bngPolicy())
        .mapping(mappings.order())
        .target(SyncTarget.of(env.sage(), EntityType.SALES_ORDER))
        .writeBack(new ErpReferenceWriteBack(env.bng()))
        .stores(env.stores())
        .sleeper(sleeper)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(500))
        .build();
  }

  /** Job 1: every BNG customer changed since the last run, into Sage 300. */
  SyncResult syncCustomers() {
    return customerJob.runOnce();
  }

  /** What job 1 could not deliver, oldest first. */
  List<DeadLetter> customerDeadLetters() {
    return env.stores().deadLetters().list(CUSTOMER_JOB, 0, DEAD_LETTER_PAGE);
  }

  /** Job 2: every BNG order changed since the last run, into Sage 300, with the write-back. */
  SyncResult syncOrders() {
    return orderJob.runOnce();
  }

  List<DeadLetter> orderDeadLetters() {
    return env.stores().deadLetters().list(ORDER_JOB, 0, DEAD_LETTER_PAGE);
  }

  /**
   * Switches job 1 to the fixed customer mapping (long company names truncated) and replays its
   * dead letters through it. Same job id and stores, so checkpoint and queue carry over.
   */
  SyncResult fixCustomerMappingAndReplay() {
    customerJob = customerJob(mappings.customerTruncatingLongNames());
    return customerJob.replayDeadLetters();
  }

  /**
   * Reads every synced order back from Sage 300 on {@code threads} threads (the connector still
   * keeps at most its limit of requests in flight) and counts the BNG orders whose
   * {@code erp_reference} equals the Sage {@code OrderNumber}.
   */
  long ordersConfirmedInSage(int threads) {
    List<Entity> orders = env.bng().records(EntityType.SALES_ORDER);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Boolean>> checks = new ArrayList<>();
      for (Entity order : orders) {
        checks.add(() -> confirmed(order));
      }
      long confirmed = 0;
      for (Future<Boolean> check : pool.invokeAll(checks)) {
        confirmed += check.get() ? 1 : 0;
      }
      return confirmed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking orders", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("checking an order failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private boolean confirmed(Entity bngOrder) {
    Optional<String> erpReference = bngOrder.text("erp_reference");
    return erpReference.isPresent() && env.stores().keyMap()
        .lookup(RecordRef.of(bngOrder), env.sage().system())
        .flatMap(ref -> env.sage().get(EntityType.SALES_ORDER, ref.id()))
        .flatMap(sageOrder -> sageOrder.text("OrderNumber"))
        .filter(erpReference.get()::equals)
        .isPresent();
  }

  private SyncJob customerJob(Mapping mapping) {
    return SyncJob.builder(CUSTOMER_JOB)
        .source(env.bng(), EntityType.CUSTOMER)
        .sourcePolicy(env.bngPolicy())
        .mapping(mapping)
        .target(SyncTarget.of(env.sage(), EntityType.CUSTOMER))
        .stores(env.stores())
        .sleeper(sleeper)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(500))
        .build();
  }
}
