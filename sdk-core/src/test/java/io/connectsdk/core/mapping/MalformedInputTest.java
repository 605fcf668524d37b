package io.connectsdk.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MalformedInputTest {

  @Test
  void apply_thousandMalformedRecords_everyOneFailsWithFieldErrorsAndNoException() {
    CompiledMapping customers = BngSage300Mappings.customerJava();
    CompiledMapping orders = BngSage300Mappings.orderJava(BngSage300Mappings.keyMap());
    List<ObjectNode> badCustomers = MalformedInputs.customers(500, 20261122L);
    List<ObjectNode> badOrders = MalformedInputs.orders(500, 20261123L);
    int failures = 0;

    for (ObjectNode input : badCustomers) {
      failures += checkFails(customers, input);
    }
    for (ObjectNode input : badOrders) {
      failures += checkFails(orders, input);
    }

    assertThat(failures).isEqualTo(1000);
  }

  @Test
  void apply_malformedEntities_failThroughEntityEntryPointToo() {
    CompiledMapping customers = BngSage300Mappings.customerJava();
    for (ObjectNode input : MalformedInputs.customers(50, 7L)) {
      Entity entity = Entity.builder(EntityType.CUSTOMER, "cus_x").fields(input).build();
      ObjectNode before = input.deepCopy();

      MappingResult result = customers.apply(entity);

      assertThat(result.isSuccess()).isFalse();
      assertThat(result.errors()).isEqualTo(customers.apply(input).errors());
      assertThat(input).isEqualTo(before);
    }
  }

  @Test
  void apply_eachDefectAlone_isReported() {
    CompiledMapping customers = BngSage300Mappings.customerJava();
    CompiledMapping orders = BngSage300Mappings.orderJava(BngSage300Mappings.keyMap());
    for (int i = 0; i < MalformedInputs.customerDefects(); i++) {
      assertThat(customers.apply(MalformedInputs.customerWith(i)).errors())
          .as("customer defect %d", i).isNotEmpty();
    }
    for (int i = 0; i < MalformedInputs.orderDefects(); i++) {
      assertThat(orders.apply(MalformedInputs.orderWith(i)).errors())
          .as("order defect %d", i).isNotEmpty();
    }
  }

  @Test
  void apply_validRecordsFromSameGenerators_succeed() {
    assertThat(BngSage300Mappings.customerJava().apply(BngSage300Mappings.customer()).isSuccess())
        .isTrue();
    assertThat(BngSage300Mappings.orderJava(BngSage300Mappings.keyMap())
        .apply(BngSage300Mappings.order(4)).isSuccess()).isTrue();
  }

  private static int checkFails(CompiledMapping mapping, ObjectNode input) {
    ObjectNode before = input.deepCopy();
    MappingResult result = mapping.apply(input);
    assertThat(result.isSuccess()).as("defective input %s", input).isFalse();
    assertThat(result.errors()).isNotEmpty().allSatisfy(e -> {
      assertThat(e.path()).isNotBlank();
      assertThat(e.rule()).isNotBlank();
      assertThat(e.message()).isNotBlank();
    });
    assertThat(input).as("source not mutated").isEqualTo(before);
    return 1;
  }
}
