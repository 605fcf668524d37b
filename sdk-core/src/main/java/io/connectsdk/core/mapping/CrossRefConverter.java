package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.store.KeyMap;
import java.util.Optional;

/** Translates a source id into the linked id in the target system through the {@link KeyMap}. */
final class CrossRefConverter implements Converter {
  private final KeyMap keyMap;
  private final String sourceSystem;
  private final EntityType type;
  private final String targetSystem;
  private final boolean optional;

  CrossRefConverter(KeyMap keyMap, String sourceSystem, EntityType type, String targetSystem,
      boolean optional) {
    this.keyMap = keyMap;
    this.sourceSystem = sourceSystem;
    this.type = type;
    this.targetSystem = targetSystem;
    this.optional = optional;
  }

  @Override
  public JsonNode convert(JsonNode value, JsonNode source, Ctx ctx, String path) {
    String id = Values.scalarText(value);
    if (id == null || id.isBlank()) {
      ctx.sourceError(path, "crossRef", "expected an id", value);
      return null;
    }
    Optional<RecordRef> linked = keyMap.lookup(new RecordRef(sourceSystem, type, id), targetSystem);
    if (linked.isPresent()) {
      return Json.nodes().textNode(linked.get().id());
    }
    if (!optional) {
      ctx.sourceError(path, "crossRef", "dangling reference: " + sourceSystem + " " + type
          + " has no linked record in " + targetSystem, value);
    }
    return null;
  }
}
