package io.connectsdk.simulators.sage300;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a {@code $filter} expression into tokens, parsing literals on the way. */
final class FilterLexer {
  /** A bare v4 datetime such as {@code 2016-12-31T12:00:00Z} or a bare date. */
  private static final Pattern BARE_DATE = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?");
  private static final Pattern NUMBER =
      Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?([mMdDfFlL])?");

  private final String src;
  private int pos;

  private FilterLexer(String src) {
    this.src = src;
  }

  static List<FilterToken> tokenize(String src) {
    FilterLexer lexer = new FilterLexer(src);
    List<FilterToken> out = new ArrayList<>();
    FilterToken t;
    do {
      t = lexer.next();
      out.add(t);
    } while (!t.is(FilterToken.Type.EOF));
    return out;
  }

  private FilterToken next() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos >= src.length()) {
      return new FilterToken(FilterToken.Type.EOF, "", null, start);
    }
    char c = src.charAt(pos);
    switch (c) {
      case '(' -> {
        pos++;
        return new FilterToken(FilterToken.Type.LPAREN, "(", null, start);
      }
      case ')' -> {
        pos++;
        return new FilterToken(FilterToken.Type.RPAREN, ")", null, start);
      }
      case ',' -> {
        pos++;
        return new FilterToken(FilterToken.Type.COMMA, ",", null, start);
      }
      case '\'' -> {
        return literal(start, readQuoted());
      }
      default -> { }
    }
    if (Character.isDigit(c) || (c == '-' && pos + 1 < src.length()
        && Character.isDigit(src.charAt(pos + 1)))) {
      return number(start);
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      String word = src.substring(start, pos);
      if ((word.equals("datetime") || word.equals("datetimeoffset"))
          && pos < src.length() && src.charAt(pos) == '\'') {
        String quoted = readQuoted();
        return new FilterToken(FilterToken.Type.LITERAL, src.substring(start, pos),
            ODataValues.parseDateTime(quoted), start);
      }
      return new FilterToken(FilterToken.Type.IDENT, word, null, start);
    }
    throw FilterParser.error(src, start, "unexpected character '" + c + "'");
  }

  private FilterToken number(int start) {
    Matcher date = BARE_DATE.matcher(src).region(start, src.length());
    if (date.lookingAt()) {
      pos = date.end();
      return new FilterToken(FilterToken.Type.LITERAL, date.group(),
          ODataValues.parseDateTime(date.group()), start);
    }
    Matcher num = NUMBER.matcher(src).region(start, src.length());
    if (!num.lookingAt()) {
      throw FilterParser.error(src, start, "malformed number");
    }
    pos = num.end();
    String text = num.group();
    String digits = num.group(3) == null ? text : text.substring(0, text.length() - 1);
    return new FilterToken(FilterToken.Type.LITERAL, text, new BigDecimal(digits), start);
  }

  private String readQuoted() {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length()) {
        throw FilterParser.error(src, start, "unterminated string literal");
      }
      char c = src.charAt(pos++);
      if (c == '\'') {
        if (pos < src.length() && src.charAt(pos) == '\'') {
          sb.append('\'');
          pos++;
        } else {
          return sb.toString();
        }
      } else {
        sb.append(c);
      }
    }
  }

  private FilterToken literal(int start, String value) {
    return new FilterToken(FilterToken.Type.LITERAL, src.substring(start, pos), value, start);
  }
}
