package io.connectsdk.bng;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.CompositeKey;
import io.connectsdk.core.EntityType;
import java.util.Optional;
import java.util.Set;

/**
 * The BNG v1 resources (bng.md "Resources"): entity type, path, the webhook prefix that names it
 * and the list filters {@link io.connectsdk.core.spi.Connector#find} may use. Inventory levels
 * are keyed by {@code sku} + {@code location} and written with {@code PUT}; every other resource
 * by its {@code id}.
 */
enum Resource {
  CUSTOMERS(EntityType.CUSTOMER, "customers", "customer", Set.of()),
  VENDORS(EntityType.VENDOR, "vendors", "vendor", Set.of()),
  ITEMS(EntityType.ITEM, "items", "item", Set.of("sku")),
  INVENTORY(EntityType.INVENTORY_LEVEL, "inventory", "inventory", Set.of("sku", "location")),
  CATEGORIES(EntityType.PRODUCT_CATEGORY, "categories", "", Set.of()),
  ORDERS(EntityType.SALES_ORDER, "orders", "order",
      Set.of("customer_id", "order_number", "status")),
  PURCHASE_ORDERS(EntityType.PURCHASE_ORDER, "purchase-orders", "", Set.of("vendor_id")),
  SHIPMENTS(EntityType.SHIPMENT, "shipments", "shipment", Set.of("order_id")),
  INVOICES(EntityType.INVOICE, "invoices", "invoice",
      Set.of("kind", "customer_id", "vendor_id", "order_id")),
  PAYMENTS(EntityType.PAYMENT, "payments", "payment", Set.of("kind")),
  JOURNAL_ENTRIES(EntityType.GL_ENTRY, "journal-entries", "", Set.of());

  static final String EXTERNAL_ID = "external_id";

  final EntityType type;
  final String path;
  /** The part of a webhook type before the dot ({@code order.created}); "" if BNG sends none. */
  final String eventPrefix;
  private final Set<String> filters;

  Resource(EntityType type, String path, String eventPrefix, Set<String> filters) {
    this.type = type;
    this.path = path;
    this.eventPrefix = eventPrefix;
    this.filters = filters;
  }

  static Resource of(EntityType type) {
    requireNonNull(type, "type");
    for (Resource r : values()) {
      if (r.type.equals(type)) {
        return r;
      }
    }
    throw new IllegalArgumentException("bng does not serve entity type " + type);
  }

  /** The resource a webhook type such as {@code order.updated} is about, if BNG has one. */
  static Optional<Resource> ofEvent(String eventType) {
    int dot = eventType.indexOf('.');
    String prefix = dot < 0 ? eventType : eventType.substring(0, dot);
    for (Resource r : values()) {
      if (!r.eventPrefix.isEmpty() && r.eventPrefix.equals(prefix)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  boolean keyedBySkuAndLocation() {
    return this == INVENTORY;
  }

  boolean emitsEvents() {
    return !eventPrefix.isEmpty();
  }

  /** True if {@code find} may filter on {@code field}: {@code external_id} or a listed filter. */
  boolean canFilterOn(String field) {
    return EXTERNAL_ID.equals(field) || filters.contains(field);
  }

  /** The SDK id of a BNG record: its {@code id}, or {@code sku=..,location=..} for inventory. */
  Optional<String> idOf(JsonNode record) {
    if (keyedBySkuAndLocation()) {
      String sku = record.path("sku").asText("");
      String location = record.path("location").asText("");
      return sku.isEmpty() || location.isEmpty() ? Optional.empty()
          : Optional.of(inventoryKey(sku, location).encode());
    }
    String id = record.path("id").asText("");
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  static CompositeKey inventoryKey(String sku, String location) {
    return CompositeKey.of("sku", sku, "location", location);
  }
}
