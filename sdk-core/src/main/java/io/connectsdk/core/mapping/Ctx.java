package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-record evaluation state: the error list (created on the first error) and, inside a line
 * sub-mapping, where the line sits. Path prefixes are built only when an error is reported, so the
 * happy path allocates nothing here.
 */
final class Ctx {
  private final Ctx parent;
  private final String sourceArray;
  private final String targetArray;
  private final int index;
  private List<FieldError> errors;

  private Ctx(Ctx parent, String sourceArray, String targetArray, int index) {
    this.parent = parent;
    this.sourceArray = sourceArray;
    this.targetArray = targetArray;
    this.index = index;
  }

  static Ctx root() {
    return new Ctx(null, "", "", -1);
  }

  /** The context of element {@code index} of a line array. */
  Ctx child(String sourceArray, String targetArray, int index) {
    return new Ctx(this, sourceArray, targetArray, index);
  }

  /** An error about a source field; {@code path} is relative to the current record or line. */
  void sourceError(String path, String rule, String message, JsonNode value) {
    add(new FieldError(sourcePrefix() + path, rule, message, Values.describe(value)));
  }

  /** An error about a mapped (target) field; {@code path} is relative to the current output. */
  void targetError(String path, String rule, String message, JsonNode value) {
    add(new FieldError(targetPrefix() + path, rule, message, Values.describe(value)));
  }

  /** An error about the line element itself, e.g. {@code lines[2]} is not an object. */
  void elementError(String rule, String message, JsonNode value) {
    Ctx p = parent == null ? this : parent;
    add(new FieldError(p.sourcePrefix() + sourceArray + "[" + index + "]", rule, message,
        Values.describe(value)));
  }

  boolean hasErrors() {
    Ctx r = rootCtx();
    return r.errors != null;
  }

  List<FieldError> errors() {
    Ctx r = rootCtx();
    return r.errors == null ? List.of() : r.errors;
  }

  private void add(FieldError error) {
    Ctx r = rootCtx();
    if (r.errors == null) {
      r.errors = new ArrayList<>(4);
    }
    r.errors.add(error);
  }

  private Ctx rootCtx() {
    Ctx c = this;
    while (c.parent != null) {
      c = c.parent;
    }
    return c;
  }

  private String sourcePrefix() {
    return parent == null ? "" : parent.sourcePrefix() + sourceArray + "[" + index + "].";
  }

  private String targetPrefix() {
    return parent == null ? "" : parent.targetPrefix() + targetArray + "[" + index + "].";
  }
}
