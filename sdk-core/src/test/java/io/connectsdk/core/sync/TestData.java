package io.connectsdk.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Json;
import io.connectsdk.core.mapping.FieldError;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.mapping.MappingResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Field builders and a small customer mapping for engine tests. */
final class TestData {
  private TestData() {}

  static ObjectNode obj(Object... namesAndValues) {
    ObjectNode o = Json.object();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      Object v = namesAndValues[i + 1];
      if (v instanceof BigDecimal d) {
        o.put(name, d);
      } else if (v instanceof Integer n) {
        o.put(name, n);
      } else if (v == null) {
        o.putNull(name);
      } else {
        o.put(name, v.toString());
      }
    }
    return o;
  }

  /** name -> Name (required, at most 10 chars), limit -> CreditLimit; everything else dropped. */
  static Mapping customerMapping() {
    return source -> {
      List<FieldError> errors = new ArrayList<>();
      JsonNode name = source.field("name");
      if (name.isMissingNode() || name.isNull()) {
        errors.add(new FieldError("name", "required", "is required", ""));
      } else if (name.asText().length() > 10) {
        errors.add(new FieldError("name", "maxLength", "longer than 10", name.asText()));
      }
      JsonNode limit = source.field("limit");
      if (!limit.isMissingNode() && !limit.isNumber()) {
        errors.add(new FieldError("limit", "decimal", "not a number", limit.asText()));
      }
      if (!errors.isEmpty()) {
        return MappingResult.failure(errors);
      }
      ObjectNode out = Json.object();
      out.set("Name", name);
      if (!limit.isMissingNode()) {
        out.set("CreditLimit", limit);
      }
      return MappingResult.success(out);
    };
  }
}
