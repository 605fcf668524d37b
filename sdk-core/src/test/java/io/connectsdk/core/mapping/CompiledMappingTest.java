package io.connectsdk.core.mapping;

import static io.connectsdk.core.mapping.BngSage300Mappings.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CompiledMappingTest {

  @Test
  void apply_nonObjectSource_isSingleFieldError() {
    CompiledMapping m = Mapping.builder("t").copy("a", "A").build();

    assertThat(m.apply(TextNode.valueOf("x")).errors())
        .containsExactly(new FieldError("$", "type", "expected a JSON object", "x"));
    assertThat(m.apply((com.fasterxml.jackson.databind.JsonNode) null).errors()).hasSize(1);
  }

  @Test
  void apply_entity_readsOnlyUsedTopLevelFields() {
    CompiledMapping m = Mapping.builder("t").copy("a.b", "B")
        .rule(Rules.constant(1).to("C").when(Condition.present("flag"))).build();
    Entity e = Entity.builder(EntityType.ITEM, "1")
        .field("a", json("{\"b\": \"x\"}")).field("flag", "y").field("unused", "z").build();

    assertThat(m.sourceFields()).containsExactly("a", "flag");
    assertThat(m.targetFields()).containsExactly("B", "C");
    assertThat(m.apply(e).fields().toString()).isEqualTo("{\"B\":\"x\",\"C\":1}");
  }

  @Test
  void result_field_returnsOneValueAndFailsOnFailure() {
    MappingResult ok = Mapping.builder("t").copy("a", "A").build().apply(json("{\"a\": \"x\"}"));
    MappingResult bad = Mapping.builder("t").validate(FieldValidation.field("A").required())
        .build().apply(json("{}"));

    assertThat(ok.field("A").asText()).isEqualTo("x");
    assertThat(ok.field("B").isMissingNode()).isTrue();
    assertThatThrownBy(() -> bad.field("A")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void apply_concurrentThreads_shareOneMappingSafely() throws Exception {
    CompiledMapping m = BngSage300Mappings.orderJava(BngSage300Mappings.keyMap());
    ObjectNode expected = m.apply(BngSage300Mappings.order(10)).fields();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          boolean same = true;
          for (int i = 0; i < 200; i++) {
            same &= m.apply(BngSage300Mappings.order(10)).fields().equals(expected);
          }
          return same;
        }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void toString_namesMappingAndCounts() {
    assertThat(BngSage300Mappings.customerJava().toString())
        .isEqualTo("CompiledMapping{customer-bng-to-sage300, 15 rules, 14 validations}");
    assertThat(BngSage300Mappings.customerJava().name()).isEqualTo("customer-bng-to-sage300");
  }
}
