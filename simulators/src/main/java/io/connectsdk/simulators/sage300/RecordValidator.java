package io.connectsdk.simulators.sage300;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Business rules the ERP views enforce, reported as RecordInvalid. */
final class RecordValidator {
  private final Map<String, ResourceTable> company;
  private final int invalidStatus;

  RecordValidator(Map<String, ResourceTable> company, int invalidStatus) {
    this.company = company;
    this.invalidStatus = invalidStatus;
  }

  /** Rejects properties a strict resource does not declare (the OData deserializer does). */
  static void checkKnownProperties(ResourceSpec spec, ObjectNode body) {
    if (!spec.strict()) {
      return;
    }
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!spec.fields().contains(name)) {
        throw SageError.invalidPayload("The property '" + name + "' does not exist on type '"
            + spec.name() + "'. Make sure to only use property names that are defined by the type.");
      }
    }
  }

  /** Checks a record as it would be stored; {@code creating} adds the required-field rule. */
  void validate(ResourceSpec spec, ObjectNode record, boolean creating) {
    if (creating) {
      for (String field : spec.required()) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())) {
          throw invalid(spec.name() + ": " + field + " is required.");
        }
      }
    }
    spec.maxLengths().forEach((field, max) -> {
      JsonNode v = record.get(field);
      if (v != null && v.isTextual() && v.textValue().length() > max) {
        throw invalid(spec.name() + ": " + field + " '" + v.textValue() + "' is longer than "
            + max + " characters.");
      }
    });
    spec.allowed().forEach((field, values) -> {
      JsonNode v = record.get(field);
      if (v != null && !v.isNull() && !values.contains(v.asText())) {
        throw invalid(spec.name() + ": " + field + " '" + v.asText() + "' is not one of "
            + values.stream().sorted().toList() + ".");
      }
    });
    spec.references().forEach((field, path) -> {
      JsonNode v = record.get(field);
      if (v != null && v.isTextual() && !exists(path, v.textValue())) {
        throw invalid(spec.name() + ": " + field + " '" + v.textValue() + "' does not exist.");
      }
    });
    checkOrderItems(record.get("OrderDetails"));
    checkJournalBalance(record.get("JournalHeaders"));
  }

  private void checkOrderItems(JsonNode details) {
    if (details == null || !details.isArray()) {
      return;
    }
    for (JsonNode line : details) {
      JsonNode item = line.get("Item");
      boolean itemLine = !line.has("LineType") || "Item".equals(line.path("LineType").asText());
      if (itemLine && item != null && item.isTextual() && !exists("IC/ICItems", item.textValue())) {
        throw invalid("OEOrders: Item '" + item.textValue() + "' does not exist.");
      }
    }
  }

  private void checkJournalBalance(JsonNode headers) {
    if (headers == null || !headers.isArray()) {
      return;
    }
    for (JsonNode header : headers) {
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode detail : header.path("JournalDetails")) {
        JsonNode amount = detail.get("Amount");
        if (amount != null && amount.isNumber()) {
          sum = sum.add(amount.decimalValue());
        }
      }
      if (sum.signum() != 0) {
        throw invalid("GLJournalBatches: the journal entry is out of balance by "
            + sum.toPlainString() + ".");
      }
    }
  }

  private boolean exists(String path, String key) {
    ResourceTable table = company.get(path);
    return table != null && table.get(new RecordKey(List.of(key))) != null;
  }

  SageError invalid(String message) {
    return new SageError(invalidStatus, "RecordInvalid", message);
  }
}
