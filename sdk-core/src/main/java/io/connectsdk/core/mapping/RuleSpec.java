package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The definition of one mapping rule, created by {@link Rules} and added to a {@link
 * MappingBuilder}. A spec is a small builder (not thread-safe); {@link MappingBuilder#build()}
 * compiles it, so changing a spec later never changes a built mapping.
 *
 * @param <S> the concrete rule type, for fluent chaining
 */
public abstract class RuleSpec<S extends RuleSpec<S>> {
  private final List<Condition> conditions = new ArrayList<>(1);

  RuleSpec() {}

  /** Applies the rule only when the condition holds; several conditions must all hold. */
  public S when(Condition condition) {
    conditions.add(requireNonNull(condition, "condition"));
    return self();
  }

  @SuppressWarnings("unchecked")
  final S self() {
    return (S) this;
  }

  /**
   * Compiles the rule, honouring its conditions. {@code fused} are validations of the rule's only
   * target that no other rule writes: checked right where the value is produced (see {@link
   * MappingBuilder#build()}), also when a condition skips the rule.
   */
  final Step compileWithConditions(BuildContext ctx, FieldValidation[] fused) {
    Step step = fused.length == 0 ? compile(ctx) : compileFused(ctx, fused);
    if (conditions.isEmpty()) {
      return step;
    }
    Condition[] all = conditions.toArray(new Condition[0]);
    return (JsonNode source, ObjectNode out, Ctx c) -> {
      for (Condition condition : all) {
        if (!condition.test(source)) {
          for (FieldValidation validation : fused) {
            validation.checkValue(null, c);
          }
          return;
        }
      }
      step.apply(source, out, c);
    };
  }

  /** Whether {@link #compileFused} is supported: a rule that writes exactly one value. */
  boolean fusable() {
    return false;
  }

  Step compileFused(BuildContext ctx, FieldValidation[] fused) {
    throw new IllegalStateException(getClass().getSimpleName() + " cannot check validations");
  }

  /** Adds every top-level source field the rule (and its conditions) reads. */
  final void collectAll(Set<String> topLevel) {
    for (Condition condition : conditions) {
      condition.collect(topLevel);
    }
    collect(topLevel);
  }

  /** How many levels of line mappings this rule holds: 0 except for {@link LinesRule}. */
  int nesting() {
    return 0;
  }

  abstract Step compile(BuildContext ctx);

  abstract void collect(Set<String> topLevel);

  /** The target field paths this rule writes, in order. */
  abstract List<String> targets();
}
