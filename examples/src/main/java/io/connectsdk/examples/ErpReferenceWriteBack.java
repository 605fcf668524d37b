package io.connectsdk.examples;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.spi.Connector;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import io.connectsdk.core.sync.WriteBack;
import java.util.List;
import java.util.Optional;

/**
 * After an order reaches Sage 300, puts the Sage order number on the BNG order's
 * {@code erp_reference} and moves it to status {@code processing}. Idempotent: the same order
 * number gives the same idempotency key. Thread-safe if the connector is.
 */
final class ErpReferenceWriteBack implements WriteBack {
  static final String PROCESSING = "processing";

  private final Connector bng;

  ErpReferenceWriteBack(Connector bng) {
    this.bng = requireNonNull(bng, "bng");
  }

  @Override
  public Optional<Entity> afterWrite(Entity source, RecordRef target, WriteResult result) {
    String orderNumber = result.record().flatMap(r -> r.text("OrderNumber"))
        .orElseThrow(() -> new IllegalStateException(
            "Sage 300 answered without an OrderNumber for " + target));
    ObjectNode patch = Json.object().put("erp_reference", orderNumber).put("status", PROCESSING);
    WriteResult written = bng.write(EntityType.SALES_ORDER, List.of(WriteRequest.upsert(
        Optional.of(source.id()), patch, target.toString(),
        "erp-reference:" + source.id() + ":" + orderNumber))).get(0);
    if (!written.isSuccess()) {
      throw new IllegalStateException("BNG refused the write-back to " + source.id() + ": "
          + written.error().map(e -> e.code() + " " + e.message()).orElse("no reason given"));
    }
    return written.record().isPresent() ? written.record()
        : bng.get(EntityType.SALES_ORDER, source.id());
  }
}
