package io.connectsdk.core;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of a record: an open set of names with constants for the canonical ones.
 *
 * <p>Names are lower-case snake case ({@code sales_order}); {@link #of(String)} normalises case so
 * {@code EntityType.of("CUSTOMER")} equals {@link #CUSTOMER}. Instances are immutable and thread-safe.
 */
public final class EntityType implements Comparable<EntityType> {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public static final EntityType CUSTOMER = new EntityType("customer");
  public static final EntityType VENDOR = new EntityType("vendor");
  public static final EntityType ITEM = new EntityType("item");
  public static final EntityType INVENTORY_LEVEL = new EntityType("inventory_level");
  public static final EntityType PRODUCT_CATEGORY = new EntityType("product_category");
  public static final EntityType SALES_ORDER = new EntityType("sales_order");
  public static final EntityType PURCHASE_ORDER = new EntityType("purchase_order");
  public static final EntityType SHIPMENT = new EntityType("shipment");
  public static final EntityType INVOICE = new EntityType("invoice");
  public static final EntityType PAYMENT = new EntityType("payment");
  public static final EntityType GL_ENTRY = new EntityType("gl_entry");

  private final String name;

  private EntityType(String name) {
    this.name = name;
  }

  /**
   * Returns the type with this name.
   *
   * @throws IllegalArgumentException if the name is not 1-64 characters of letters, digits and
   *     underscores starting with a letter
   */
  public static EntityType of(String name) {
    requireNonNull(name, "name");
    String normalized = name.trim().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(normalized).matches()) {
      throw new IllegalArgumentException(
          "entity type name must match " + NAME.pattern() + ": '" + name + "'");
    }
    return new EntityType(normalized);
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EntityType other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public int compareTo(EntityType o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
