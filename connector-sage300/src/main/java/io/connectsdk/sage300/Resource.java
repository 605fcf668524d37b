package io.connectsdk.sage300;

import static java.util.Objects.requireNonNull;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Capabilities;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one entity type maps onto one Web API resource.
 *
 * @param type the entity type served
 * @param path module and resource name, e.g. {@code AR/ARCustomers}
 * @param key the key parts used in {@code Resource(key)} and for entity ids (one part: the id is the
 *     plain value; several: a {@link io.connectsdk.core.CompositeKey})
 * @param writeKeyField for masters, the body field holding the natural key on create (ICItems:
 *     {@code UnformattedItemNumber}); empty for documents and batches whose key the server assigns
 * @param changeField the date field incremental reads filter on; empty means every sweep is a full
 *     read
 * @param style how writes find an existing record
 * @param referenceField for documents and batches, the field that stores the source reference
 * @param findFields fields {@code find} accepts, name to numeric-ness (never taken from data)
 */
record Resource(
    EntityType type,
    String path,
    List<KeyPart> key,
    Optional<String> writeKeyField,
    Optional<String> changeField,
    WriteStyle style,
    Optional<String> referenceField,
    Map<String, Boolean> findFields) {

  /** How writes find an existing record (the idempotent-create path). */
  enum WriteStyle {
    /** Natural key chosen by the caller: PATCH, POST on RecordNotFound, PATCH on RecordDuplicate. */
    MASTER,
    /** System key, no PATCH (OEOrders, POPurchaseOrders): look up the stored reference first. */
    DOCUMENT,
    /** System key, PATCH allowed with a known id (batches): look up the stored reference first. */
    BATCH,
    /** No writes. */
    READ_ONLY
  }

  Resource {
    requireNonNull(type, "type");
    requireNonNull(path, "path");
    key = List.copyOf(key);
    requireNonNull(writeKeyField, "writeKeyField");
    requireNonNull(changeField, "changeField");
    requireNonNull(style, "style");
    requireNonNull(referenceField, "referenceField");
    findFields = Map.copyOf(findFields);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("resource " + path + " needs a key");
    }
    if (style != WriteStyle.MASTER && style != WriteStyle.READ_ONLY && referenceField.isEmpty()) {
      throw new IllegalArgumentException("resource " + path + " needs a reference field");
    }
  }

  /** The resource name without its module, e.g. {@code ARCustomers}. */
  String name() {
    return path.substring(path.indexOf('/') + 1);
  }

  /** The module, e.g. {@code AR}. */
  String module() {
    return path.substring(0, path.indexOf('/'));
  }

  Resource withPath(String newPath) {
    return new Resource(type, newPath, key, writeKeyField, changeField, style, referenceField,
        findFields);
  }

  Resource withReferenceField(String field) {
    Map<String, Boolean> find = new java.util.HashMap<>(findFields);
    find.put(field, false);
    return new Resource(type, path, key, writeKeyField, changeField, style, Optional.of(field),
        find);
  }

  Resource withChangeField(Optional<String> field) {
    return new Resource(type, path, key, writeKeyField, field, style, referenceField, findFields);
  }

  /** What the connector can do with this type. Writes go one HTTP call (or two) per record. */
  Capabilities capabilities(int maxBatchSize) {
    Capabilities c = style == WriteStyle.READ_ONLY
        ? Capabilities.readOnly()
        : Capabilities.readWrite(maxBatchSize);
    if (style == WriteStyle.MASTER) {
      c = c.withDelete();
    }
    return changeField.isPresent() ? c : c.withoutIncrementalRead();
  }
}
