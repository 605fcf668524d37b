package io.connectsdk.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * A mapping compiled from rules: paths are split, patterns and formatters built and names resolved
 * once, so applying it is a single pass over the rules that builds one output object. Immutable and
 * thread-safe. Create it with {@link Mapping#builder(String)} or {@link MappingLoader}.
 *
 * <p>Both entry points read the source in place, without copying or changing it.
 */
public final class CompiledMapping implements Mapping {
  private final String name;
  private final Step[] steps;
  private final FieldValidation[] validations;
  private final String[] sourceFields;
  private final List<String> targetFields;
  private final int validationCount;
  private final int outputCapacity;
  private final int nesting;

  CompiledMapping(String name, Step[] steps, FieldValidation[] validations, Set<String> sourceFields,
      List<String> targetFields, int validationCount, int nesting) {
    this.name = name;
    this.steps = steps;
    this.validations = validations;
    this.sourceFields = sourceFields.toArray(new String[0]);
    this.targetFields = List.copyOf(targetFields);
    this.validationCount = validationCount;
    this.outputCapacity = (int) (this.targetFields.size() / 0.75f) + 1;
    this.nesting = nesting;
  }

  /** How deeply line mappings nest inside this one: 0 without lines rules. */
  int nesting() {
    return nesting;
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

  /** Maps an entity's fields; reads them in place, without copying or changing them. */
  @Override
  public MappingResult apply(Entity source) {
    return apply(source.fieldsView());
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
    ObjectNode out = newOutput();
    mapInto(sourceFields, out, ctx);
    return ctx.hasErrors() ? MappingResult.failure(ctx.errors()) : MappingResult.success(out);
  }

  /** An empty output sized for every target field, so it never rehashes while it is filled. */
  ObjectNode newOutput() {
    return new ObjectNode(Json.nodes(), new LinkedHashMap<>(outputCapacity));
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
