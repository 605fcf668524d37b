package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.Json;
import java.util.List;
import java.util.Set;

/**
 * A mapping compiled from rules: paths are split, patterns and formatters built and names resolved
 * once, so applying it is a single pass over the rules that builds one output object. Immutable and
 * thread-safe. Create it with {@link Mapping#builder(String)} or {@link MappingLoader}.
 *
 * <p>Both entry points read the source without changing it. {@link #apply(Entity)} reads only the
 * top-level fields the rules use; {@link #apply(JsonNode)} works on raw fields without copying and
 * is the fastest path.
 */
public final class CompiledMapping implements Mapping {
  private final String name;
  private final Step[] steps;
  private final FieldValidation[] validations;
  private final String[] sourceFields;
  private final List<String> targetFields;
  private final int validationCount;

  CompiledMapping(String name, Step[] steps, FieldValidation[] validations, Set<String> sourceFields,
      List<String> targetFields, int validationCount) {
    this.name = name;
    this.steps = steps;
    this.validations = validations;
    this.sourceFields = sourceFields.toArray(new String[0]);
    this.targetFields = List.copyOf(targetFields);
    this.validationCount = validationCount;
  }

  /** The mapping's name, e.g. {@code customer-bng-to-sage300}. */
  public String name() {
    return name;
  }

  /** The top-level source fields the rules read, in first-use order. */
  public List<String> sourceFields() {
    return List.of(sourceFields);
  }

  /** The target fields the rules write, in rule order (duplicates removed). */
  public List<String> targetFields() {
    return targetFields;
  }

  /** Maps an entity's fields; copies only the top-level fields the rules read. */
  @Override
  public MappingResult apply(Entity source) {
    ObjectNode view = Json.object();
    for (String field : sourceFields) {
      JsonNode v = source.field(field);
      if (!v.isMissingNode()) {
        view.set(field, v);
      }
    }
    return apply(view);
  }

  /**
   * Maps raw source fields (a JSON object) without copying or changing them.
   *
   * @return the mapped fields, or every field error; a non-object source is a single error
   */
  public MappingResult apply(JsonNode sourceFields) {
    Ctx ctx = Ctx.root();
    if (sourceFields == null || !sourceFields.isObject()) {
      ctx.sourceError("$", "type", "expected a JSON object", sourceFields);
      return MappingResult.failure(ctx.errors());
    }
    ObjectNode out = Json.object();
    mapInto(sourceFields, out, ctx);
    return ctx.hasErrors() ? MappingResult.failure(ctx.errors()) : MappingResult.success(out);
  }

  /**
   * Runs the rules, then the validations not already checked by the rule that alone writes their
   * field; used for the top level and for each line.
   */
  void mapInto(JsonNode source, ObjectNode out, Ctx ctx) {
    for (Step step : steps) {
      step.apply(source, out, ctx);
    }
    for (FieldValidation validation : validations) {
      validation.check(out, ctx);
    }
  }

  @Override
  public String toString() {
    return "CompiledMapping{" + name + ", " + steps.length + " rules, " + validationCount
        + " validations}";
  }
}
