package io.connectsdk.simulators.sage300;

/**
 * One lexical token of a {@code $filter} expression.
 *
 * @param type token kind
 * @param text source text (identifier name, or the literal as written)
 * @param value parsed literal value ({@link String}, {@link java.math.BigDecimal},
 *     {@link java.time.Instant}) or null
 * @param pos offset in the expression, for error messages
 */
record FilterToken(Type type, String text, Object value, int pos) {
  enum Type { IDENT, LITERAL, LPAREN, RPAREN, COMMA, EOF }

  boolean is(Type t) {
    return type == t;
  }

  boolean isWord(String word) {
    return type == Type.IDENT && text.equals(word);
  }
}
