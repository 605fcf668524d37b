package io.connectsdk.core.mapping.assist;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests which source field feeds which target field, from the names alone: the same normalised
 * name scores 1, names in one synonym group ({@code zip}, {@code postal_code}, {@code
 * ZipPostalCode}) 0.95, others the mean of Jaro-Winkler similarity of the run-together names and
 * the overlap (Dice) of their word tokens. Dotted source paths are compared by their last segment.
 * Pairs below the threshold (default 0.8) are dropped; the rest are taken best first, each source
 * and each target at most once. Deterministic; immutable and thread-safe.
 *
 * <pre>{@code
 * List<FieldPair> pairs = FieldPairSuggester.defaults()
 *     .suggest(List.of("email", "phone", "postal_code"), List.of("Email", "PhoneNumber", "ZipPostalCode"));
 * }</pre>
 */
public final class FieldPairSuggester {
  private static final List<List<String>> DEFAULT_SYNONYMS = List.of(
      List.of("zip", "zipcode", "postalcode", "postcode", "zippostalcode", "postal"),
      List.of("phone", "telephone", "telephoneno", "phonenumber", "phoneno", "tel"),
      List.of("email", "emailaddress", "mail"),
      List.of("name", "customername", "fullname"),
      List.of("state", "stateprovince", "province", "region"),
      List.of("country", "countrycode"),
      List.of("city", "town"),
      List.of("terms", "paymentterms", "termscode"),
      List.of("creditlimit", "creditlimitcustomercurrency"),
      List.of("currency", "currencycode"),
      List.of("line1", "addressline1", "address1", "street"),
      List.of("line2", "addressline2", "address2"),
      List.of("sku", "itemnumber", "itemcode", "productcode", "unformatteditemnumber"),
      List.of("quantity", "qty", "quantityordered"),
      List.of("unitprice", "price", "pricingunitprice"));
  private static final double DEFAULT_THRESHOLD = 0.8;

  private final double threshold;
  private final Map<String, Integer> groups;

  private FieldPairSuggester(double threshold, List<List<String>> synonyms) {
    this.threshold = threshold;
    Map<String, Integer> g = new HashMap<>();
    for (int i = 0; i < synonyms.size(); i++) {
      for (String name : synonyms.get(i)) {
        g.put(Names.compact(name), i);
      }
    }
    this.groups = Map.copyOf(g);
  }

  /** Threshold 0.8 and the built-in synonyms. */
  public static FieldPairSuggester defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The suggested pairs, best first (ties by source then target name). */
  public List<FieldPair> suggest(Collection<String> sourceFields, Collection<String> targetFields) {
    List<FieldPair> candidates = new ArrayList<>();
    for (String source : sourceFields) {
      for (String target : targetFields) {
        FieldPair pair = score(source, target);
        if (pair.score() >= threshold) {
          candidates.add(pair);
        }
      }
    }
    candidates.sort(Comparator.comparingDouble(FieldPair::score).reversed()
        .thenComparing(FieldPair::source).thenComparing(FieldPair::target));
    Set<String> usedSources = new HashSet<>();
    Set<String> usedTargets = new HashSet<>();
    List<FieldPair> chosen = new ArrayList<>();
    for (FieldPair pair : candidates) {
      if (!usedSources.contains(pair.source()) && !usedTargets.contains(pair.target())) {
        usedSources.add(pair.source());
        usedTargets.add(pair.target());
        chosen.add(pair);
      }
    }
    return List.copyOf(chosen);
  }

  /** The score of one pair with its reason, whatever the threshold. */
  public FieldPair score(String source, String target) {
    requireNonNull(source, "source");
    requireNonNull(target, "target");
    String a = Names.compact(leaf(source));
    String b = Names.compact(leaf(target));
    if (!a.isEmpty() && a.equals(b)) {
      return new FieldPair(source, target, 1.0, "same normalised name '" + a + "'");
    }
    Integer group = groups.get(a);
    if (group != null && group.equals(groups.get(b))) {
      return new FieldPair(source, target, 0.95, "synonyms '" + a + "' and '" + b + "'");
    }
    double jw = JaroWinkler.similarity(a, b);
    double dice = dice(canonical(Names.tokens(leaf(source))), canonical(Names.tokens(leaf(target))));
    double score = round((jw + dice) / 2);
    return new FieldPair(source, target, score, String.format(Locale.ROOT,
        "similar names (jaro-winkler %.3f, token overlap %.3f)", jw, dice));
  }

  private Set<String> canonical(List<String> tokens) {
    Set<String> out = new HashSet<>();
    for (String token : tokens) {
      Integer group = groups.get(token);
      out.add(group == null ? token : "#" + group);
    }
    return out;
  }

  private static double dice(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String token : a) {
      if (b.contains(token)) {
        common++;
      }
    }
    return 2.0 * common / (a.size() + b.size());
  }

  private static String leaf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Configures a {@link FieldPairSuggester}; {@link #build()} copies. Not thread-safe. */
  public static final class Builder {
    private double threshold = DEFAULT_THRESHOLD;
    private final List<List<String>> synonyms = new ArrayList<>(DEFAULT_SYNONYMS);

    private Builder() {}

    /** Minimum score of a suggestion, in (0, 1]; default 0.8. */
    public Builder threshold(double threshold) {
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
      }
      this.threshold = threshold;
      return this;
    }

    /** Adds a group of names that mean the same (in any case convention). */
    public Builder synonyms(String... names) {
      if (names.length < 2) {
        throw new IllegalArgumentException("a synonym group needs at least two names");
      }
      synonyms.add(List.of(names));
      return this;
    }

    /** Drops the built-in synonym groups. */
    public Builder noDefaultSynonyms() {
      synonyms.removeAll(DEFAULT_SYNONYMS);
      return this;
    }

    public FieldPairSuggester build() {
      return new FieldPairSuggester(threshold, List.copyOf(synonyms));
    }
  }
}
