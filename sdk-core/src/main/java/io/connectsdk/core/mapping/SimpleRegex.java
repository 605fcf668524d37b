package io.connectsdk.core.mapping;

/**
 * A matcher for the small regular expressions mappings typically validate with ({@code
 * [A-Z0-9-]+}, {@code [A-Z]{3}}, {@code [^@\s]+@[^@\s]+}) that needs no {@link java.util.regex}
 * Matcher, so a check allocates nothing. It matches exactly what {@link java.util.regex.Pattern}
 * would (whole text, no flags, counted in code points), but only accepts expressions where that is
 * easy to see:
 *
 * <ul>
 *   <li>a sequence of atoms: a character class {@code [...]} or {@code [^...]} of ASCII characters,
 *       ASCII ranges and {@code \s \d \w}; one of those escapes; or a plain ASCII letter, digit or
 *       {@code @ _ - , : / # ' } or space;
 *   <li>each atom optionally quantified by {@code + * ? {n} {m,} {m,n}};
 *   <li>an atom of variable length is last, or followed by a mandatory atom it cannot match, so a
 *       greedy match never has to backtrack (what makes this matcher exact).
 * </ul>
 *
 * Anything else is left to {@link java.util.regex.Pattern} ({@link #parse} returns null).
 * Immutable and thread-safe.
 */
final class SimpleRegex {
  private static final int UNBOUNDED = Integer.MAX_VALUE;
  /** Literal characters accepted outside and inside a class; none is special in either place. */
  private static final String PLAIN_PUNCTUATION = "@_,:/#' ";

  private final Atom[] atoms;

  private SimpleRegex(Atom[] atoms) {
    this.atoms = atoms;
  }

  /** One class of characters repeated {@code min} to {@code max} times. */
  private record Atom(AsciiSet set, int min, int max) {
    boolean variable() {
      return min != max;
    }
  }

  /**
   * A set of code points described by the ASCII members it has (two 64-bit masks), possibly
   * negated: a negated set also holds every non-ASCII code point.
   */
  private record AsciiSet(long low, long high, boolean negated) {
    static final AsciiSet WHITESPACE = of(" \t\n\u000B\f\r"); // Pattern's \s without flags
    static final AsciiSet DIGIT = range('0', '9');
    static final AsciiSet WORD =
        range('a', 'z').or(range('A', 'Z')).or(range('0', '9')).or(of("_"));

    static AsciiSet of(String chars) {
      AsciiSet set = new AsciiSet(0, 0, false);
      for (int i = 0; i < chars.length(); i++) {
        set = set.or(range(chars.charAt(i), chars.charAt(i)));
      }
      return set;
    }

    static AsciiSet range(char from, char to) {
      long low = 0;
      long high = 0;
      for (char c = from; c <= to; c++) {
        if (c < 64) {
          low |= 1L << c;
        } else {
          high |= 1L << (c - 64);
        }
      }
      return new AsciiSet(low, high, false);
    }

    AsciiSet or(AsciiSet other) {
      return new AsciiSet(low | other.low, high | other.high, false);
    }

    AsciiSet negate() {
      return new AsciiSet(low, high, !negated);
    }

    boolean contains(int codePoint) {
      boolean member = codePoint < 64 ? (low & (1L << codePoint)) != 0
          : codePoint < 128 && (high & (1L << (codePoint - 64))) != 0;
      return member != negated;
    }

    /** True if no code point is in both sets. */
    boolean disjoint(AsciiSet other) {
      if (negated && other.negated) {
        return false; // both hold every non-ASCII code point
      }
      if (negated) {
        return other.disjoint(this);
      }
      // this is positive: its members must all be outside other
      return other.negated ? (low & ~other.low) == 0 && (high & ~other.high) == 0
          : (low & other.low) == 0 && (high & other.high) == 0;
    }
  }

  /** The matcher for {@code regex}, or null if it is not one of the simple forms above. */
  static SimpleRegex parse(String regex) {
    java.util.List<Atom> atoms = new java.util.ArrayList<>();
    int[] pos = {0};
    while (pos[0] < regex.length()) {
      AsciiSet set = atom(regex, pos);
      if (set == null) {
        return null;
      }
      Atom atom = quantifier(regex, pos, set);
      if (atom == null) {
        return null;
      }
      atoms.add(atom);
    }
    for (int i = 0; i + 1 < atoms.size(); i++) {
      Atom atom = atoms.get(i);
      Atom next = atoms.get(i + 1);
      if (atom.variable() && (next.min() == 0 || !atom.set().disjoint(next.set()))) {
        return null;
      }
    }
    return atoms.isEmpty() ? null : new SimpleRegex(atoms.toArray(new Atom[0]));
  }

  /** Whether the whole text matches. */
  boolean matches(String text) {
    int pos = 0;
    int length = text.length();
    for (Atom atom : atoms) {
      int count = 0;
      while (count < atom.max() && pos < length) {
        int cp = text.codePointAt(pos);
        if (!atom.set().contains(cp)) {
          break;
        }
        pos += Character.charCount(cp);
        count++;
      }
      if (count < atom.min()) {
        return false;
      }
    }
    return pos == length;
  }

  /** Parses one class, escape or literal at {@code pos[0]}, advancing it; null if unsupported. */
  private static AsciiSet atom(String regex, int[] pos) {
    char c = regex.charAt(pos[0]);
    if (c == '[') {
      return characterClass(regex, pos);
    }
    if (c == '\\') {
      return escape(regex, pos);
    }
    if (plain(c) || c == '-') {
      pos[0]++;
      return AsciiSet.range(c, c);
    }
    return null;
  }

  private static AsciiSet escape(String regex, int[] pos) {
    if (pos[0] + 1 >= regex.length()) {
      return null;
    }
    AsciiSet set = switch (regex.charAt(pos[0] + 1)) {
      case 's' -> AsciiSet.WHITESPACE;
      case 'd' -> AsciiSet.DIGIT;
      case 'w' -> AsciiSet.WORD;
      default -> null;
    };
    pos[0] += 2;
    return set;
  }

  /**
   * {@code [...]} with plain members, {@code x-y} ranges of letters or digits and escapes; a
   * {@code -} is accepted only first or last, where it is literal.
   */
  private static AsciiSet characterClass(String regex, int[] pos) {
    int i = pos[0] + 1;
    boolean negated = i < regex.length() && regex.charAt(i) == '^';
    if (negated) {
      i++;
    }
    int first = i;
    AsciiSet set = new AsciiSet(0, 0, false);
    while (i < regex.length() && regex.charAt(i) != ']') {
      char c = regex.charAt(i);
      if (c == '\\') {
        int[] at = {i};
        AsciiSet escaped = escape(regex, at);
        if (escaped == null) {
          return null;
        }
        set = set.or(escaped);
        i = at[0];
      } else if (c == '-') {
        boolean edge = i == first || (i + 1 < regex.length() && regex.charAt(i + 1) == ']');
        if (!edge) {
          return null;
        }
        set = set.or(AsciiSet.range(c, c));
        i++;
      } else if (i + 2 < regex.length() && regex.charAt(i + 1) == '-'
          && regex.charAt(i + 2) != ']') {
        char to = regex.charAt(i + 2);
        if (!rangeEnd(c) || !rangeEnd(to) || to < c) {
          return null;
        }
        set = set.or(AsciiSet.range(c, to));
        i += 3;
      } else if (plain(c)) {
        set = set.or(AsciiSet.range(c, c));
        i++;
      } else {
        return null;
      }
    }
    if (i >= regex.length() || i == first) {
      return null; // unclosed or empty
    }
    pos[0] = i + 1;
    return negated ? set.negate() : set;
  }

  /** Parses an optional quantifier after an atom; null if malformed or lazy/possessive. */
  private static Atom quantifier(String regex, int[] pos, AsciiSet set) {
    int i = pos[0];
    int min = 1;
    int max = 1;
    if (i < regex.length()) {
      switch (regex.charAt(i)) {
        case '+' -> { min = 1; max = UNBOUNDED; i++; }
        case '*' -> { min = 0; max = UNBOUNDED; i++; }
        case '?' -> { min = 0; max = 1; i++; }
        case '{' -> {
          int close = regex.indexOf('}', i);
          if (close < 0) {
            return null;
          }
          String body = regex.substring(i + 1, close);
          int comma = body.indexOf(',');
          min = count(comma < 0 ? body : body.substring(0, comma));
          max = comma < 0 ? min : comma == body.length() - 1 ? UNBOUNDED
              : count(body.substring(comma + 1));
          if (min < 0 || max < 0 || max < min) {
            return null;
          }
          i = close + 1;
        }
        default -> { }
      }
    }
    if (i < regex.length() && "+*?{".indexOf(regex.charAt(i)) >= 0) {
      return null; // lazy, possessive or stacked quantifier
    }
    pos[0] = i;
    return new Atom(set, min, max);
  }

  /** A small decimal count, or -1. */
  private static int count(String digits) {
    if (digits.isEmpty() || digits.length() > 6) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (!isDigit(digits.charAt(i))) {
        return -1;
      }
    }
    return Integer.parseInt(digits);
  }

  private static boolean plain(char c) {
    return rangeEnd(c) || PLAIN_PUNCTUATION.indexOf(c) >= 0;
  }

  private static boolean rangeEnd(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
