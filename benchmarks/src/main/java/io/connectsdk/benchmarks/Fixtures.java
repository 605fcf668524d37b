package io.connectsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.mapping.CompiledMapping;
import io.connectsdk.core.mapping.MappingFunctions;
import io.connectsdk.core.mapping.MappingLoader;
import io.connectsdk.core.store.InMemoryKeyMap;
import io.connectsdk.core.store.KeyMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The BNG to Sage 300 mappings loaded from their JSON documents on the class path, as a user would
 * load them, plus what they refer to: the {@code digitsOnly} function and a KeyMap of the linked
 * customers. Thread-safe.
 */
public final class Fixtures {
  public static final String CUSTOMER_DOCUMENT = "/customer-bng-to-sage300.json";
  public static final String ORDER_DOCUMENT = "/order-bng-to-sage300.json";
  public static final String BNG = "bng";
  public static final String SAGE = "sage300";

  private Fixtures() {}

  /** The functions the customer document uses; the hand-written transform calls the same code. */
  public static MappingFunctions functions() {
    return MappingFunctions.builder()
        .register("digitsOnly", in -> {
          if (!in.isTextual()) {
            throw new IllegalArgumentException("expected a phone number text");
          }
          return Json.nodes().textNode(digitsOnly(in.textValue()));
        })
        .build();
  }

  /** Keeps digits and '+' (a char loop rather than a regex: this is user code, not the engine). */
  public static String digitsOnly(String phone) {
    StringBuilder sb = new StringBuilder(phone.length());
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      if ((c >= '0' && c <= '9') || c == '+') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Links BNG customers {@code cus_0 .. cus_999} to Sage 300 customer numbers. */
  public static KeyMap keyMap() {
    KeyMap keyMap = new InMemoryKeyMap();
    for (int n = 0; n < BngData.LINKED_CUSTOMERS; n++) {
      keyMap.link(new RecordRef(BNG, EntityType.CUSTOMER, BngData.customerId(n)),
          new RecordRef(SAGE, EntityType.CUSTOMER, BngData.sageCustomerNumber(n)));
    }
    return keyMap;
  }

  public static CompiledMapping customerMapping() {
    return load(MappingLoader.builder().functions(functions()).build(), CUSTOMER_DOCUMENT);
  }

  public static CompiledMapping orderMapping(KeyMap keyMap) {
    return load(MappingLoader.builder().keyMap(keyMap).build(), ORDER_DOCUMENT);
  }

  /** A class-path resource as text (for JSLT expressions). */
  public static String text(String resource) {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON text with the SDK's mapper (exact decimals). */
  public static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CompiledMapping load(MappingLoader loader, String resource) {
    try (InputStream in = open(resource)) {
      return loader.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = Fixtures.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing class-path resource " + resource);
    }
    return in;
  }
}
