package io.connectsdk.core.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.spi.WriteRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * Zero-copy access to the SDK's immutable values for the SDK's own hot paths (mapping, hashing,
 * the sync engine). The public accessors of {@link Entity}, {@link MappingResult} and {@link
 * WriteRequest} copy their JSON so no caller can change them; the engine reads the same nodes
 * millions of times and never changes them, so it reads them through here instead.
 *
 * <p>Not an API: the nodes returned must never be modified, and this class may change at any time.
 * The value classes register their accessors from their static initialisers (the pattern of the
 * JDK's {@code SharedSecrets}).
 */
public final class Shared {
  /** Read-only views into the value classes. */
  public interface Access {
    ObjectNode fields(Entity entity);

    ObjectNode fields(MappingResult result);

    ObjectNode fields(WriteRequest request);

    /** An upsert that takes ownership of {@code fields} (the caller must not touch it again). */
    WriteRequest adoptUpsert(
        Optional<String> targetId, ObjectNode fields, String sourceRef, String idempotencyKey);
  }

  private static volatile Access entityAccess;
  private static volatile Access mappingAccess;
  private static volatile Access requestAccess;

  private Shared() {}

  /** Called once by {@link Entity}'s static initialiser. */
  public static void registerEntity(Access access) {
    entityAccess = Objects.requireNonNull(access, "access");
  }

  /** Called once by {@link MappingResult}'s static initialiser. */
  public static void registerMappingResult(Access access) {
    mappingAccess = Objects.requireNonNull(access, "access");
  }

  /** Called once by {@link WriteRequest}'s static initialiser. */
  public static void registerWriteRequest(Access access) {
    requestAccess = Objects.requireNonNull(access, "access");
  }

  /** The entity's own fields node. Never modify it. */
  public static ObjectNode fields(Entity entity) {
    return entityAccess.fields(entity); // an Entity instance exists, so its class is initialised
  }

  /** The mapped fields node, owned by the result. Never modify it. */
  public static ObjectNode fields(MappingResult result) {
    return mappingAccess.fields(result);
  }

  /** The request's own fields node. Never modify it. */
  public static ObjectNode fields(WriteRequest request) {
    return requestAccess.fields(request);
  }

  /**
   * Like {@link WriteRequest#upsert} without copying {@code fields}: the caller hands the node
   * over and never touches it again.
   */
  public static WriteRequest adoptUpsert(
      Optional<String> targetId, ObjectNode fields, String sourceRef, String idempotencyKey) {
    Access access = requestAccess;
    if (access == null) {
      initialize(WriteRequest.class);
      access = requestAccess;
    }
    return access.adoptUpsert(targetId, fields, sourceRef, idempotencyKey);
  }

  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A base with every method unsupported, so each value class overrides only its own. */
  public abstract static class AccessBase implements Access {
    @Override
    public ObjectNode fields(Entity entity) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ObjectNode fields(MappingResult result) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ObjectNode fields(WriteRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public WriteRequest adoptUpsert(
        Optional<String> targetId, ObjectNode fields, String sourceRef, String idempotencyKey) {
      throw new UnsupportedOperationException();
    }
  }
}
