package io.connectsdk.core.sync;

import static io.connectsdk.core.sync.TestData.customerMapping;
import static io.connectsdk.core.sync.TestData.obj;
import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.store.DeadLetter;
import io.connectsdk.core.store.Stores;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ReferenceResolverTest {
  private static final EntityType CUSTOMER = EntityType.CUSTOMER;
  private static final EntityType ORDER = EntityType.SALES_ORDER;

  @Test
  void resolver_ensuresCustomerFirstAndTranslatesItsId_danglingOneDeadLettered() {
    ManualClock clock = new ManualClock();
    Stores stores = Stores.inMemory(clock);
    FakeConnector bngCustomers = new FakeConnector("bng", CUSTOMER, 10, clock);
    FakeConnector sageCustomers = new FakeConnector("sage300", CUSTOMER, 10, clock);
    FakeConnector bngOrders = new FakeConnector("bng", ORDER, 10, clock);
    FakeConnector sageOrders = new FakeConnector("sage300", ORDER, 10, clock);
    bngCustomers.put("cus_1", obj("name", "Acme"));
    bngOrders.put("ord_1", obj("customer", "cus_1", "total", "10.00"));
    bngOrders.put("ord_2", obj("customer", "cus_404", "total", "5.00"));
    SyncJob customers = SyncJob.builder("customers").source(bngCustomers, CUSTOMER)
        .mapping(customerMapping()).target(sageCustomers, CUSTOMER).stores(stores).clock(clock)
        .sleeper(clock).build();
    String[] mdcInsideResolver = new String[1];
    ReferenceResolver ensureCustomer = (order, fields, ctx) -> {
      RecordRef customer = new RecordRef("bng", CUSTOMER, order.text("customer").orElseThrow());
      if (ctx.targetIdOf(customer, CUSTOMER).isEmpty()) {
        customers.onEvent(customer);
      }
      mdcInsideResolver[0] = MDC.get("job");
      String sageId = ctx.targetIdOf(customer, CUSTOMER).orElseThrow(() ->
          new UnresolvedReferenceException("customer", "customer " + customer + " does not exist"));
      fields.put("CustomerNumber", sageId);
      return fields;
    };
    SyncJob orders = SyncJob.builder("orders").source(bngOrders, ORDER)
        .mapping(o -> MappingResult.success(obj("Total", o.text("total").orElseThrow())))
        .target(sageOrders, ORDER).resolver(ensureCustomer).stores(stores).clock(clock)
        .sleeper(clock).build();

    SyncResult result = orders.runOnce();

    assertThat(result.created()).isEqualTo(1);
    assertThat(result.deadLettered()).isEqualTo(1);
    String sageCustomer = sageCustomers.all().get(0).id();
    assertThat(sageOrders.all()).singleElement()
        .satisfies(o -> assertThat(o.text("CustomerNumber")).contains(sageCustomer));
    DeadLetter dangling = stores.deadLetters().list("orders", 0, 5).get(0);
    assertThat(dangling.source().id()).isEqualTo("ord_2");
    assertThat(dangling.error().code()).isEqualTo("UnresolvedReference");
    assertThat(dangling.error().fieldPath()).isEqualTo("customer");
    // the nested customer job restored the orders job's MDC when it returned
    assertThat(mdcInsideResolver[0]).isEqualTo("orders");
    assertThat(customers.checkpoint()).isEmpty();
  }
}
