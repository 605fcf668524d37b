package io.connectsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.schibsted.spt.data.jslt.Expression;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.mapping.CompiledMapping;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.store.KeyMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second of the BNG to Sage 300 customer and order mappings: the compiled mapping
 * loaded from its JSON document (raw {@link JsonNode} entry point, and the {@link Entity} entry
 * point the sync engine uses), the same transform written by hand, and JSLT. Each call maps the
 * next record of a pool of {@value Pool#SIZE} distinct records parsed in setup.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MappingBenchmark {
  private static final int MASK = Pool.SIZE - 1;

  private JsonNode[] customers;
  private Entity[] customerEntities;
  private JsonNode[] orders;
  private CompiledMapping customerMapping;
  private CompiledMapping orderMapping;
  private HandCustomerMapping customerHand;
  private HandOrderMapping orderHand;
  private Expression customerJslt;
  private Expression orderJslt;
  private int next;

  @Setup
  public void setUp() {
    customers = Pool.customers(Pool.SIZE);
    orders = Pool.orders(Pool.SIZE);
    customerEntities = new Entity[Pool.SIZE];
    for (int i = 0; i < Pool.SIZE; i++) {
      customerEntities[i] = Entity.builder(EntityType.CUSTOMER, customers[i].get("id").asText())
          .fields((ObjectNode) customers[i]).build();
    }
    KeyMap keyMap = Fixtures.keyMap();
    customerMapping = Fixtures.customerMapping();
    orderMapping = Fixtures.orderMapping(keyMap);
    customerHand = new HandCustomerMapping();
    orderHand = new HandOrderMapping(keyMap);
    customerJslt = JsltMappings.customer();
    orderJslt = JsltMappings.order(keyMap);
  }

  private int nextIndex() {
    return next++ & MASK;
  }

  @Benchmark
  public MappingResult customerCompiled() {
    return customerMapping.apply(customers[nextIndex()]);
  }

  @Benchmark
  public MappingResult customerCompiledEntity() {
    return customerMapping.apply(customerEntities[nextIndex()]);
  }

  @Benchmark
  public MappingResult customerHandWritten() {
    return customerHand.apply(customers[nextIndex()]);
  }

  @Benchmark
  public JsonNode customerJslt() {
    return customerJslt.apply(customers[nextIndex()]);
  }

  @Benchmark
  public MappingResult orderCompiled() {
    return orderMapping.apply(orders[nextIndex()]);
  }

  @Benchmark
  public MappingResult orderHandWritten() {
    return orderHand.apply(orders[nextIndex()]);
  }

  @Benchmark
  public JsonNode orderJslt() {
    return orderJslt.apply(orders[nextIndex()]);
  }
}
