package io.connectsdk.simulators.sage300;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The resources the simulator serves, written from the shared Sage 300 fact sheet (systems/sage300.md). */
final class ResourceCatalog {
  private static final String[] ADDRESS = {
    "AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4", "City", "StateProvince",
    "ZipPostalCode", "Country", "ContactName", "PhoneNumber", "FaxNumber", "Email", "WebSite"
  };

  private ResourceCatalog() {}

  /** All default resources keyed by "MODULE/Resource"; the stock resource gets the given name. */
  static Map<String, ResourceSpec> defaults(String locationDetailsName) {
    Map<String, ResourceSpec> all = new LinkedHashMap<>();
    for (ResourceSpec spec :
        List.of(customers(), vendors(), items(), categories(), locationDetails(locationDetailsName),
            orders(), purchaseOrders(), batch("AR", "ARInvoiceBatches", "Invoices"),
            receiptBatches(), batch("AP", "APInvoiceBatches", "Invoices"), paymentBatches(),
            journalBatches())) {
      all.put(spec.path(), spec);
    }
    return all;
  }

  private static ResourceSpecBuilder master(String module, String name, String key) {
    return new ResourceSpecBuilder(module, name)
        .key(KeyField.text(key))
        .changeField("DateLastMaintained")
        .detail("OptionalFields", "OptionalField", false);
  }

  static ResourceSpec customers() {
    return master("AR", "ARCustomers", "CustomerNumber")
        .strictFields("ShortName", "GroupCode", "Status", "OnHold", "CustomerName", "Terms",
            "TaxGroup", "CreditLimitCustomerCurrency", "CurrencyCode", "AccountSet",
            "BillingCycle", "InterestProfile", "Territory", "PriceList", "CustomerType",
            "DeliveryMethod", "StartDate", "InactiveDate", "TaxRegistrationNumber1",
            "TaxClassCode1", "NationalAccount", "ContactsEmail", "ContactsPhone")
        .fields(ADDRESS)
        .required("CustomerNumber", "ShortName", "GroupCode", "TaxGroup")
        .maxLength(12, "CustomerNumber", "TaxGroup")
        .maxLength(10, "ShortName")
        .maxLength(6, "GroupCode", "Terms", "AccountSet")
        .maxLength(60, "CustomerName", "AddressLine1", "AddressLine2", "AddressLine3",
            "AddressLine4", "ContactName")
        .maxLength(50, "Email")
        .allowed("Status", "Active", "Inactive")
        .build();
  }

  static ResourceSpec vendors() {
    return master("AP", "APVendors", "VendorNumber")
        .strictFields("ShortName", "GroupCode", "Status", "OnHold", "VendorName", "TermsCode",
            "TaxGroup", "CurrencyCode", "AccountSetCode", "PaymentCode", "BankCode",
            "DistributionSetCode", "TaxRegistrationNumber1", "TaxClassCode1", "StartDate",
            "InactiveDate", "CreditLimitVendorCurrency")
        .fields(ADDRESS)
        .required("VendorNumber", "ShortName", "GroupCode")
        .maxLength(12, "VendorNumber", "TaxGroup")
        .maxLength(10, "ShortName")
        .maxLength(6, "GroupCode", "TermsCode", "AccountSetCode")
        .maxLength(60, "VendorName", "AddressLine1", "AddressLine2", "AddressLine3",
            "AddressLine4", "ContactName")
        .maxLength(50, "Email")
        .allowed("OnHold", "NotOnHold", "OnHold")
        .build();
  }

  static ResourceSpec items() {
    return master("IC", "ICItems", "ItemNumber")
        .writeKeyField("UnformattedItemNumber")
        .strictFields("Description", "StructureCode", "Category", "AccountSetCode",
            "StockItem", "StockingUnitOfMeasure", "DefaultPriceListCode", "Status",
            "Sellable", "SerialNumber", "LotItem", "Weight", "WeightUnitOfMeasure",
            "CommodityNumber", "AlternateItems")
        .detail("ItemUnitsOfMeasure", "UnitOfMeasure", false)
        .required("UnformattedItemNumber", "Description")
        .maxLength(24, "ItemNumber", "UnformattedItemNumber")
        .maxLength(60, "Description")
        .maxLength(6, "Category", "AccountSetCode")
        .build();
  }

  static ResourceSpec categories() {
    return master("IC", "ICCategories", "CategoryCode")
        .strictFields("Description", "Status", "DefaultPriceListCode", "CommissionRate",
            "Commissionable")
        .required("CategoryCode", "Description")
        .maxLength(6, "CategoryCode")
        .maxLength(60, "Description")
        .build();
  }

  static ResourceSpec locationDetails(String name) {
    return new ResourceSpecBuilder("IC", name)
        .key(KeyField.text("ItemNumber"))
        .key(KeyField.text("Location"))
        .methods("GET")
        .fields("QuantityOnHand", "QuantityCommitted", "QuantityOnPurchaseOrder",
            "QuantityOnSalesOrder", "QuantityAvailable")
        .build();
  }

  static ResourceSpec orders() {
    return new ResourceSpecBuilder("OE", "OEOrders")
        .key(KeyField.number("OrderUniquifier"))
        .documentNumber("OrderNumber", "ORD", 12)
        .methods("GET", "POST")
        .fields("CustomerNumber", "OrderDescription", "OrderDate", "PurchaseOrderNumber",
            "OrderReference", "ShipToLocationCode", "InvoiceWillBeProduced")
        .detail("OrderDetails", "LineNumber", true)
        .detail("OrderOptionalFields", "OptionalField", false)
        .required("CustomerNumber")
        .reference("CustomerNumber", "AR/ARCustomers")
        .maxLength(22, "OrderNumber", "PurchaseOrderNumber")
        .maxLength(60, "OrderDescription", "OrderReference")
        .build();
  }

  static ResourceSpec purchaseOrders() {
    return new ResourceSpecBuilder("PO", "POPurchaseOrders")
        .key(KeyField.number("PurchaseOrderSequenceKey"))
        .documentNumber("PurchaseOrderNumber", "PO", 13)
        .methods("GET", "POST")
        .fields("VendorNumber", "Description", "Reference", "PurchaseOrderDate")
        .detail("PurchaseOrderLines", "LineNumber", true)
        .required("VendorNumber")
        .reference("VendorNumber", "AP/APVendors")
        .maxLength(22, "PurchaseOrderNumber")
        .build();
  }

  private static ResourceSpecBuilder batchBuilder(String module, String name) {
    return new ResourceSpecBuilder(module, name)
        .methods("GET", "POST", "PATCH")
        .changeField("DateLastEdited")
        .fields("BatchDate", "Description")
        .maxLength(60, "Description");
  }

  static ResourceSpec batch(String module, String name, String entries) {
    return batchBuilder(module, name)
        .key(KeyField.number("BatchNumber"))
        .detail(entries, "EntryNumber", true)
        .detail("InvoiceDetails", "LineNumber", true)
        .build();
  }

  static ResourceSpec receiptBatches() {
    return batchBuilder("AR", "ARReceiptAndAdjustmentBatches")
        .key(KeyField.text("BatchRecordType"))
        .key(KeyField.number("BatchNumber"))
        .required("BatchRecordType")
        .allowed("BatchRecordType", "CA", "AD")
        .detail("ReceiptAndAdjustmentEntries", "SequenceNumber", true)
        .build();
  }

  static ResourceSpec paymentBatches() {
    return batchBuilder("AP", "APPaymentAndAdjustmentBatches")
        .key(KeyField.text("BatchSelector"))
        .key(KeyField.number("BatchNumber"))
        .required("BatchSelector")
        .allowed("BatchSelector", "PY", "AD")
        .detail("PaymentAndAdjustmentEntries", "SequenceNumber", true)
        .build();
  }

  static ResourceSpec journalBatches() {
    return batchBuilder("GL", "GLJournalBatches")
        .key(KeyField.number("BatchNumber"))
        .detail("JournalHeaders", "EntryNumber", true)
        .detail("JournalDetails", "TransactionNumber", true)
        .build();
  }
}
