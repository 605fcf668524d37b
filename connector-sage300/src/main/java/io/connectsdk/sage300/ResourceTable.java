package io.connectsdk.sage300;

import io.connectsdk.core.EntityType;
import io.connectsdk.sage300.Resource.WriteStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The entity types this connector serves and their resources, with the builder's overrides
 * applied. Immutable.
 */
final class ResourceTable {
  static final EntityType AR_RECEIPT_BATCH = EntityType.of("ar_receipt_batch");
  static final EntityType AP_INVOICE_BATCH = EntityType.of("ap_invoice_batch");
  static final EntityType AP_PAYMENT_BATCH = EntityType.of("ap_payment_batch");
  static final EntityType GL_JOURNAL_BATCH = EntityType.of("gl_journal_batch");
  static final EntityType AR_INVOICE_BATCH = EntityType.of("ar_invoice_batch");

  private static final Pattern PATH = Pattern.compile("[A-Z]{2}/[A-Za-z][A-Za-z0-9]{0,63}");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

  private final Map<EntityType, Resource> resources;

  private ResourceTable(Map<EntityType, Resource> resources) {
    this.resources = Map.copyOf(resources);
  }

  /** The defaults from the Web API reference, with these overrides applied. */
  static ResourceTable of(
      Map<EntityType, String> paths,
      Map<EntityType, String> referenceFields,
      Map<EntityType, Optional<String>> changeFields) {
    Map<EntityType, Resource> table = new LinkedHashMap<>(defaults());
    paths.forEach((type, path) -> table.put(type, require(table, type).withPath(path)));
    referenceFields.forEach(
        (type, field) -> table.put(type, require(table, type).withReferenceField(field)));
    changeFields.forEach(
        (type, field) -> table.put(type, require(table, type).withChangeField(field)));
    return new ResourceTable(table);
  }

  static void checkPath(String path) {
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "resource path must look like MODULE/Resource (e.g. IC/ICLocationDetails): " + path);
    }
  }

  static void checkField(String field) {
    if (!FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException("not a Sage 300 field name: " + field);
    }
  }

  private static Resource require(Map<EntityType, Resource> table, EntityType type) {
    Resource r = table.get(type);
    if (r == null) {
      throw new IllegalArgumentException("sage300 does not serve entity type " + type);
    }
    return r;
  }

  /** The resource of a type, or IllegalArgumentException if the type is not served. */
  Resource get(EntityType type) {
    return require(resources, type);
  }

  Map<EntityType, Resource> all() {
    return resources;
  }

  private static Map<EntityType, Resource> defaults() {
    Map<EntityType, Resource> m = new LinkedHashMap<>();
    master(m, EntityType.CUSTOMER, "AR/ARCustomers", "CustomerNumber", "CustomerNumber",
        "CustomerName", "ShortName", "Email", "PhoneNumber", "GroupCode", "ZipPostalCode");
    master(m, EntityType.VENDOR, "AP/APVendors", "VendorNumber", "VendorNumber",
        "VendorName", "ShortName", "Email", "PhoneNumber", "GroupCode", "ZipPostalCode");
    master(m, EntityType.ITEM, "IC/ICItems", "ItemNumber", "UnformattedItemNumber",
        "Description", "Category", "StructureCode");
    master(m, EntityType.PRODUCT_CATEGORY, "IC/ICCategories", "CategoryCode", "CategoryCode",
        "Description");
    m.put(EntityType.INVENTORY_LEVEL, new Resource(EntityType.INVENTORY_LEVEL,
        "IC/ICLocationDetails", List.of(KeyPart.text("ItemNumber"), KeyPart.text("Location")),
        Optional.empty(), Optional.empty(), WriteStyle.READ_ONLY, Optional.empty(),
        Map.of("ItemNumber", false, "Location", false)));
    document(m, EntityType.SALES_ORDER, "OE/OEOrders", KeyPart.number("OrderUniquifier"),
        "OrderReference", "OrderNumber", "CustomerNumber", "PurchaseOrderNumber");
    document(m, EntityType.PURCHASE_ORDER, "PO/POPurchaseOrders",
        KeyPart.number("PurchaseOrderSequenceKey"), "Reference", "PurchaseOrderNumber",
        "VendorNumber");
    for (EntityType t : List.of(EntityType.INVOICE, AR_INVOICE_BATCH)) {
      batch(m, t, "AR/ARInvoiceBatches", List.of(KeyPart.number("BatchNumber")));
    }
    for (EntityType t : List.of(EntityType.PAYMENT, AR_RECEIPT_BATCH)) {
      batch(m, t, "AR/ARReceiptAndAdjustmentBatches",
          List.of(KeyPart.text("BatchRecordType"), KeyPart.number("BatchNumber")));
    }
    batch(m, AP_INVOICE_BATCH, "AP/APInvoiceBatches", List.of(KeyPart.number("BatchNumber")));
    batch(m, AP_PAYMENT_BATCH, "AP/APPaymentAndAdjustmentBatches",
        List.of(KeyPart.text("BatchSelector"), KeyPart.number("BatchNumber")));
    for (EntityType t : List.of(EntityType.GL_ENTRY, GL_JOURNAL_BATCH)) {
      batch(m, t, "GL/GLJournalBatches", List.of(KeyPart.number("BatchNumber")));
    }
    return m;
  }

  private static void master(Map<EntityType, Resource> m, EntityType type, String path,
      String key, String writeKey, String... findFields) {
    Map<String, Boolean> find = new LinkedHashMap<>();
    find.put(key, false);
    find.put(writeKey, false);
    for (String f : findFields) {
      find.put(f, false);
    }
    m.put(type, new Resource(type, path, List.of(KeyPart.text(key)), Optional.of(writeKey),
        Optional.of("DateLastMaintained"), WriteStyle.MASTER, Optional.empty(), find));
  }

  private static void document(Map<EntityType, Resource> m, EntityType type, String path,
      KeyPart key, String reference, String... findFields) {
    Map<String, Boolean> find = new LinkedHashMap<>();
    find.put(key.name(), key.numeric());
    find.put(reference, false);
    for (String f : findFields) {
      find.put(f, false);
    }
    m.put(type, new Resource(type, path, List.of(key), Optional.empty(), Optional.empty(),
        WriteStyle.DOCUMENT, Optional.of(reference), find));
  }

  private static void batch(Map<EntityType, Resource> m, EntityType type, String path,
      List<KeyPart> key) {
    Map<String, Boolean> find = new LinkedHashMap<>();
    key.forEach(k -> find.put(k.name(), k.numeric()));
    find.put("Description", false);
    m.put(type, new Resource(type, path, key, Optional.empty(), Optional.of("DateLastEdited"),
        WriteStyle.BATCH, Optional.of("Description"), find));
  }
}
