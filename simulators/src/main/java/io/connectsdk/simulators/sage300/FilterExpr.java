package io.connectsdk.simulators.sage300;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** A parsed {@code $filter} expression, evaluated against one stored record. */
sealed interface FilterExpr {
  Object eval(ObjectNode record);

  /** Evaluates as a condition; a non-boolean result is a client error. */
  default boolean test(ObjectNode record) {
    Object v = eval(record);
    if (v instanceof Boolean b) {
      return b;
    }
    throw SageError.invalidParameters("The $filter expression must be a boolean condition.");
  }

  record Literal(Object value) implements FilterExpr {
    @Override
    public Object eval(ObjectNode record) {
      return value;
    }
  }

  record Property(String name) implements FilterExpr {
    @Override
    public Object eval(ObjectNode record) {
      return ODataValues.fromJson(record.get(name), name);
    }
  }

  record Comparison(String op, FilterExpr left, FilterExpr right) implements FilterExpr {
    @Override
    public Object eval(ObjectNode record) {
      return ODataValues.compare(op, left.eval(record), right.eval(record));
    }
  }

  record Logical(boolean and, FilterExpr left, FilterExpr right) implements FilterExpr {
    @Override
    public Object eval(ObjectNode record) {
      boolean l = left.test(record);
      if (and ? !l : l) {
        return l;
      }
      return right.test(record);
    }
  }

  record Not(FilterExpr operand) implements FilterExpr {
    @Override
    public Object eval(ObjectNode record) {
      return !operand.test(record);
    }
  }

  /** substringof, startswith, endswith, contains, length, tolower, toupper, trim. */
  record Call(String function, List<FilterExpr> args) implements FilterExpr {
    static final List<String> FUNCTIONS = List.of("substringof", "startswith", "endswith",
        "contains", "length", "tolower", "toupper", "trim");

    public Call {
      args = List.copyOf(args);
      int arity = switch (function) {
        case "length", "tolower", "toupper", "trim" -> 1;
        default -> 2;
      };
      if (args.size() != arity) {
        throw SageError.invalidParameters("The function '" + function + "' takes " + arity
            + " argument(s), not " + args.size() + ".");
      }
    }

    @Override
    public Object eval(ObjectNode record) {
      String a = string(args.get(0).eval(record));
      if (args.size() == 1) {
        if (a == null) {
          return null;
        }
        return switch (function) {
          case "length" -> BigDecimal.valueOf(a.length());
          case "tolower" -> a.toLowerCase(Locale.ROOT);
          case "toupper" -> a.toUpperCase(Locale.ROOT);
          default -> a.trim();
        };
      }
      String b = string(args.get(1).eval(record));
      if (a == null || b == null) {
        return false;
      }
      return switch (function) {
        case "substringof" -> b.contains(a);
        case "startswith" -> a.startsWith(b);
        case "endswith" -> a.endsWith(b);
        default -> a.contains(b);
      };
    }

    private String string(Object value) {
      if (value == null || value instanceof String) {
        return (String) value;
      }
      throw SageError.invalidParameters("The function '" + function + "' needs Edm.String "
          + "arguments, not " + ODataValues.typeName(value) + ".");
    }
  }
}
