package io.connectsdk.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.mapping.FieldError;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.mapping.MappingResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Customer records and mappings shared by the scenarios. */
final class Customers {
  static final EntityType CUSTOMER = EntityType.CUSTOMER;

  private Customers() {}

  static Entity customer(String id, String name, String email) {
    Entity.Builder b = Entity.builder(CUSTOMER, id).field("name", name);
    if (email != null) {
      b.field("email", email);
    }
    return b.field("balance", new BigDecimal("12.50")).build();
  }

  /**
   * BNG customer to Sage 300 customer: id -> CustomerNumber (the natural key), name -> Name
   * (required), email -> Email (copied as is, may be missing), balance -> Balance.
   */
  static Mapping toSage() {
    return source -> {
      List<FieldError> errors = new ArrayList<>();
      JsonNode name = source.field("name");
      if (name.isMissingNode() || name.isNull() || name.asText().isBlank()) {
        errors.add(new FieldError("name", "required", "is required", ""));
      }
      if (!errors.isEmpty()) {
        return MappingResult.failure(errors);
      }
      ObjectNode out = Json.object();
      out.put("CustomerNumber", source.id());
      out.set("Name", name);
      JsonNode email = source.field("email");
      if (!email.isMissingNode()) {
        out.set("Email", email);
      }
      out.set("Balance", source.field("balance"));
      return MappingResult.success(out);
    };
  }
}
