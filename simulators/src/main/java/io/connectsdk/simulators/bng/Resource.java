package io.connectsdk.simulators.bng;

import java.util.Optional;

/** The BNG v1 collections: path, id prefix and the webhook events a change emits. */
enum Resource {
  CUSTOMERS("customers", "cus_", "customer", true),
  VENDORS("vendors", "ven_", "vendor", true),
  ITEMS("items", "itm_", "item", true),
  INVENTORY("inventory", "lvl_", "inventory", true),
  CATEGORIES("categories", "cat_", null, false),
  ORDERS("orders", "ord_", "order", true),
  PURCHASE_ORDERS("purchase-orders", "po_", null, false),
  SHIPMENTS("shipments", "shp_", "shipment", false),
  INVOICES("invoices", "inv_", "invoice", false),
  PAYMENTS("payments", "pay_", "payment", false),
  JOURNAL_ENTRIES("journal-entries", "je_", null, false);

  final String path;
  final String idPrefix;
  private final String eventName;
  private final boolean emitsUpdated;

  Resource(String path, String idPrefix, String eventName, boolean emitsUpdated) {
    this.path = path;
    this.idPrefix = idPrefix;
    this.eventName = eventName;
    this.emitsUpdated = emitsUpdated;
  }

  static Optional<Resource> byPath(String path) {
    for (Resource r : values()) {
      if (r.path.equals(path)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  static Resource require(String path) {
    return byPath(path).orElseThrow(
        () -> new IllegalArgumentException("unknown BNG resource: " + path));
  }

  /**
   * The event type of a change per bng.md, if the contract has one: inventory emits only
   * {@code inventory.updated}; shipments, invoices and payments only {@code .created}.
   */
  Optional<String> eventType(boolean created) {
    if (eventName == null) {
      return Optional.empty();
    }
    if (this == INVENTORY) {
      return Optional.of("inventory.updated");
    }
    if (created) {
      return Optional.of(eventName + ".created");
    }
    return emitsUpdated ? Optional.of(eventName + ".updated") : Optional.empty();
  }
}
