package io.connectsdk.core.mapping;

import static java.util.Objects.requireNonNull;

/**
 * One reason a record could not be mapped.
 *
 * @param path the field path, e.g. {@code billing_address.postal_code} or {@code lines[2].sku}
 * @param rule the rule that failed, e.g. {@code required}, {@code maxLength}, {@code valueMap}
 * @param message what is wrong, for a person
 * @param value the offending value as text (truncated to 200 characters), empty if missing
 */
public record FieldError(String path, String rule, String message, String value) {
  public FieldError {
    requireNonNull(path, "path");
    requireNonNull(rule, "rule");
    requireNonNull(message, "message");
    requireNonNull(value, "value");
    if (value.length() > 200) {
      value = value.substring(0, 200) + "…";
    }
  }

  @Override
  public String toString() {
    return path + ": " + message + " (" + rule + (value.isEmpty() ? "" : ", value '" + value + "'")
        + ")";
  }
}
