package io.connectsdk.simulators.sage300;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Recursive-descent parser for the {@code $filter} subset Sage 300 accepts: {@code or} binds
 * loosest, then {@code and}, {@code not}, comparisons; parentheses group; functions per
 * {@link FilterExpr.Call}.
 */
final class FilterParser {
  private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
  private static final Set<String> RESERVED =
      Set.of("and", "or", "not", "eq", "ne", "gt", "ge", "lt", "le");

  private final String src;
  private final List<FilterToken> tokens;
  private final Predicate<String> knownProperty;
  private int index;

  private FilterParser(String src, Predicate<String> knownProperty) {
    this.src = src;
    this.tokens = FilterLexer.tokenize(src);
    this.knownProperty = knownProperty;
  }

  /**
   * Parses a filter; properties must satisfy {@code knownProperty}.
   *
   * @throws SageError InvalidParameters on any syntax or name error
   */
  static FilterExpr parse(String src, Predicate<String> knownProperty) {
    FilterParser p = new FilterParser(src, knownProperty);
    FilterExpr expr = p.or();
    if (!p.peek().is(FilterToken.Type.EOF)) {
      throw error(src, p.peek().pos(), "unexpected '" + p.peek().text() + "'");
    }
    return expr;
  }

  static SageError error(String src, int pos, String why) {
    return SageError.invalidParameters(
        "Syntax error in $filter '" + src + "' at position " + pos + ": " + why + ".");
  }

  private FilterExpr or() {
    FilterExpr left = and();
    while (peek().isWord("or")) {
      index++;
      left = new FilterExpr.Logical(false, left, and());
    }
    return left;
  }

  private FilterExpr and() {
    FilterExpr left = unary();
    while (peek().isWord("and")) {
      index++;
      left = new FilterExpr.Logical(true, left, unary());
    }
    return left;
  }

  private FilterExpr unary() {
    if (peek().isWord("not")) {
      index++;
      return new FilterExpr.Not(unary());
    }
    FilterExpr left = primary();
    while (peek().is(FilterToken.Type.IDENT) && COMPARISONS.contains(peek().text())) {
      String op = next().text();
      left = new FilterExpr.Comparison(op, left, primary());
    }
    return left;
  }

  private FilterExpr primary() {
    FilterToken t = next();
    switch (t.type()) {
      case LPAREN -> {
        FilterExpr inner = or();
        expect(FilterToken.Type.RPAREN, "')'");
        return inner;
      }
      case LITERAL -> {
        return new FilterExpr.Literal(t.value());
      }
      case IDENT -> {
        return identifier(t);
      }
      default -> throw error(src, t.pos(), t.is(FilterToken.Type.EOF)
          ? "unexpected end of expression" : "unexpected '" + t.text() + "'");
    }
  }

  private FilterExpr identifier(FilterToken t) {
    String word = t.text();
    if (peek().is(FilterToken.Type.LPAREN)) {
      if (!FilterExpr.Call.FUNCTIONS.contains(word)) {
        throw error(src, t.pos(), "unknown function '" + word + "'");
      }
      index++;
      List<FilterExpr> args = new ArrayList<>();
      if (!peek().is(FilterToken.Type.RPAREN)) {
        do {
          args.add(or());
        } while (accept(FilterToken.Type.COMMA));
      }
      expect(FilterToken.Type.RPAREN, "')'");
      return new FilterExpr.Call(word, args);
    }
    switch (word) {
      case "true", "false" -> {
        return new FilterExpr.Literal(Boolean.valueOf(word));
      }
      case "null" -> {
        return new FilterExpr.Literal(null);
      }
      default -> { }
    }
    if (RESERVED.contains(word)) {
      throw error(src, t.pos(), "unexpected operator '" + word + "'");
    }
    if (!knownProperty.test(word)) {
      throw SageError.invalidParameters(
          "Could not find a property named '" + word + "' used in $filter.");
    }
    return new FilterExpr.Property(word);
  }

  private FilterToken peek() {
    return tokens.get(index);
  }

  private FilterToken next() {
    FilterToken t = tokens.get(index);
    if (!t.is(FilterToken.Type.EOF)) {
      index++;
    }
    return t;
  }

  private boolean accept(FilterToken.Type type) {
    if (peek().is(type)) {
      index++;
      return true;
    }
    return false;
  }

  private void expect(FilterToken.Type type, String what) {
    if (!accept(type)) {
      throw error(src, peek().pos(), "expected " + what);
    }
  }
}
