package io.connectsdk.examples;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import io.connectsdk.core.mapping.CompiledMapping;
import io.connectsdk.core.mapping.MappingFunctions;
import io.connectsdk.core.mapping.MappingLoader;
import io.connectsdk.core.store.KeyMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads the demo's mappings from the JSON documents in {@code src/main/resources/mappings}: BNG
 * customer to Sage 300 ARCustomers, and BNG sales order to OEOrders (whose customer number comes
 * from the key map the customer job fills). Thread-safe.
 */
final class DemoMappings {
  static final String CUSTOMER_DOCUMENT = "mappings/customer-bng-to-sage300.json";
  static final String ORDER_DOCUMENT = "mappings/order-bng-to-sage300.json";
  /** Sage 300 keeps at most this many characters of a customer name. */
  static final int CUSTOMER_NAME_MAX = 60;

  private final MappingLoader loader;

  DemoMappings(KeyMap keyMap) {
    requireNonNull(keyMap, "keyMap");
    this.loader = MappingLoader.builder()
        .functions(MappingFunctions.builder().register("digitsOnly", DemoMappings::digitsOnly)
            .build())
        .keyMap(keyMap)
        .build();
  }

  CompiledMapping customer() {
    return loader.load(document(CUSTOMER_DOCUMENT));
  }

  CompiledMapping order() {
    return loader.load(document(ORDER_DOCUMENT));
  }

  /**
   * The fix for overlong company names, made the way a person would: in the mapping document, the
   * rule that copies {@code company_name} to {@code CustomerName} gains {@code "truncate": 60}.
   */
  CompiledMapping customerTruncatingLongNames() {
    ObjectNode doc = document(CUSTOMER_DOCUMENT);
    for (JsonNode rule : doc.withArray("rules")) {
      if ("company_name".equals(rule.path("copy").asText())
          && "CustomerName".equals(rule.path("to").asText())) {
        ((ObjectNode) rule).put("truncate", CUSTOMER_NAME_MAX);
        return loader.load(doc);
      }
    }
    throw new IllegalStateException(
        CUSTOMER_DOCUMENT + " has no rule copying company_name to CustomerName");
  }

  static ObjectNode document(String resource) {
    try (InputStream in = DemoMappings.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("mapping document not on the classpath: " + resource);
      }
      JsonNode doc = Json.mapper().readTree(in);
      if (!doc.isObject()) {
        throw new IllegalStateException(resource + " is not a JSON object");
      }
      return (ObjectNode) doc;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static JsonNode digitsOnly(JsonNode in) {
    if (!in.isTextual()) {
      throw new IllegalArgumentException("expected a phone number as text");
    }
    return Json.nodes().textNode(in.textValue().replaceAll("\\D", ""));
  }
}
