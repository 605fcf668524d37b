package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.store.KeyMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles a {@link CompiledMapping}: rules in target field order (Sage 300 applies fields in body
 * order), validations, and what rules refer to (lookup tables, functions, a KeyMap, a rate
 * provider). {@link #build()} compiles and copies, so a builder can be reused; not thread-safe.
 *
 * <pre>{@code
 * CompiledMapping mapping = Mapping.builder("customer-bng-to-sage300")
 *     .rule(Rules.copy("external_id").to("CustomerNumber"))
 *     .rule(Rules.copy("status").valueMap(Map.of("active", "Active")).to("Status"))
 *     .validate(FieldValidation.field("CustomerNumber").required().maxLength(12))
 *     .build();
 * }</pre>
 */
public final class MappingBuilder {
  private final String name;
  private final List<RuleSpec<?>> rules = new ArrayList<>();
  private final List<FieldValidation> validations = new ArrayList<>();
  private final Map<String, Map<String, JsonNode>> tables = new LinkedHashMap<>();
  private MappingFunctions functions = MappingFunctions.none();
  private KeyMap keyMap;
  private RateProvider rates;

  MappingBuilder(String name) {
    this.name = requireNonNull(name, "name");
  }

  /** Adds a rule; rules run and write their targets in the order added. */
  public MappingBuilder rule(RuleSpec<?> rule) {
    rules.add(requireNonNull(rule, "rule"));
    return this;
  }

  /** Shortcut for {@code rule(Rules.copy(from).to(to))}. */
  public MappingBuilder copy(String from, String to) {
    return rule(Rules.copy(from).to(to));
  }

  /** Shortcut for {@code rule(Rules.constant(value).to(to))}. */
  public MappingBuilder constant(Object value, String to) {
    return rule(Rules.constant(value).to(to));
  }

  /** Adds checks on a mapped field. */
  public MappingBuilder validate(FieldValidation validation) {
    validations.add(requireNonNull(validation, "validation"));
    return this;
  }

  /** Registers a named lookup table (values: String, numbers, Boolean or JsonNode). */
  public MappingBuilder table(String tableName, Map<String, ?> entries) {
    requireNonNull(tableName, "tableName");
    requireNonNull(entries, "entries");
    Map<String, JsonNode> table = new LinkedHashMap<>();
    entries.forEach((k, v) -> table.put(requireNonNull(k, "key"), Values.node(v)));
    tables.put(tableName, Map.copyOf(table));
    return this;
  }

  /** The functions {@code function(name)} rules refer to. */
  public MappingBuilder functions(MappingFunctions functions) {
    this.functions = requireNonNull(functions, "functions");
    return this;
  }

  /** The cross-reference used by {@code crossRef} rules. */
  public MappingBuilder keyMap(KeyMap keyMap) {
    this.keyMap = requireNonNull(keyMap, "keyMap");
    return this;
  }

  /** The exchange rates used by {@code currency} rules. */
  public MappingBuilder rates(RateProvider rates) {
    this.rates = requireNonNull(rates, "rates");
    return this;
  }

  /**
   * Compiles the mapping. Errors come in rule order; a validation of a field that a single value
   * rule alone writes is reported with that rule's errors, the other validations after all rules.
   *
   * @throws MappingDefinitionException naming the rule ({@code rules[3]}) or validation
   *     ({@code validate[0]}) that is incomplete or refers to an unknown table or function
   */
  public CompiledMapping build() {
    BuildContext ctx = new BuildContext(Map.copyOf(tables), functions, keyMap, rates);
    List<List<String>> written = new ArrayList<>(rules.size());
    for (RuleSpec<?> rule : rules) {
      written.add(rule.targets());
    }
    List<List<FieldValidation>> fused = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      fused.add(new ArrayList<>(0));
    }
    List<FieldValidation> after = new ArrayList<>();
    for (FieldValidation validation : validations) {
      int writer = soleWriter(validation.field(), written);
      if (writer >= 0 && rules.get(writer).fusable()) {
        fused.get(writer).add(validation.copy());
      } else {
        after.add(validation.copy());
      }
    }
    Step[] steps = new Step[rules.size()];
    Set<String> sources = new LinkedHashSet<>();
    Set<String> targets = new LinkedHashSet<>();
    int nesting = 0;
    for (int i = 0; i < steps.length; i++) {
      RuleSpec<?> rule = rules.get(i);
      try {
        steps[i] = rule.compileWithConditions(ctx, fused.get(i).toArray(new FieldValidation[0]));
      } catch (IllegalArgumentException e) {
        throw new MappingDefinitionException("rules[" + i + "]", e.getMessage());
      }
      rule.collectAll(sources);
      nesting = Math.max(nesting, rule.nesting());
      targets.addAll(written.get(i));
    }
    return new CompiledMapping(name, steps, after.toArray(new FieldValidation[0]), sources,
        List.copyOf(targets), validations.size(), nesting);
  }

  /**
   * The index of the only rule that writes {@code field} (exactly, as its single target, with no
   * other rule writing it, a parent or a child of it), or -1. Such a field's validations run as
   * soon as that rule has produced it, which saves reading the output back (the field cannot
   * change later); the others run after all rules.
   */
  private static int soleWriter(String field, List<List<String>> written) {
    int writer = -1;
    for (int i = 0; i < written.size(); i++) {
      for (String target : written.get(i)) {
        boolean overlaps = target.equals(field) || target.startsWith(field + ".")
            || field.startsWith(target + ".");
        if (overlaps) {
          if (writer >= 0 || !target.equals(field) || written.get(i).size() != 1) {
            return -1;
          }
          writer = i;
        }
      }
    }
    return writer;
  }
}
