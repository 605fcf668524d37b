package io.connectsdk.core.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.Entity;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.mapping.FieldError;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.store.RecordError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns one source record into what one target should receive: map and validate, resolve
 * references, apply the conflict policy, hash, and derive the idempotency key. Reads no store and
 * has no side effects of its own (a resolver may have some), so it runs ahead of the writes on the
 * read-ahead thread, and the partner job of a two-way pair runs it to compute the echo guard.
 */
final class RecordPipeline {
  private final JobConfig config;

  RecordPipeline(JobConfig config) {
    this.config = config;
  }

  JobConfig config() {
    return config;
  }

  RecordRef sourceRef(Entity source) {
    return new RecordRef(config.sourceSystem(), config.sourceType(), source.id());
  }

  /**
   * The pure part of preparing a record, safe to run ahead of the writes of earlier records and on
   * any thread: map and validate, resolve references, apply the conflict policy, hash, and derive
   * the idempotency key. Reads no store of its own (a mapping or resolver may look up the key map).
   */
  Preparation map(Entity source, SyncTarget target) {
    return map(source, sourceRef(source), target);
  }

  /** {@link #map(Entity, SyncTarget)} with the source reference already built. */
  Preparation map(Entity source, RecordRef ref, SyncTarget target) {
    MappingResult mapped;
    try {
      mapped = config.mappingFor(target).apply(source);
    } catch (RuntimeException e) {
      // a mapping must report bad data as errors; an exception is a bug in it, named by class only
      // because its message may quote field values
      return Preparation.rejected(new RecordError(ErrorKind.PERMANENT, "MappingException",
          "mapping threw " + e.getClass().getName(), ""));
    }
    if (mapped == null) {
      return Preparation.rejected(new RecordError(ErrorKind.PERMANENT, "MappingException",
          "mapping returned null", ""));
    }
    if (!mapped.isSuccess()) {
      return Preparation.rejected(mappingFailed(mapped.errors()));
    }
    // the mapped node is new and the engine never changes it below the top level, so it is used
    // as is; a custom resolver is user code that may change nested values, so it gets a copy
    ObjectNode fields = config.resolver() == ReferenceResolver.NONE
        ? mapped.takeFields() : mapped.fields();
    if (config.resolver() != ReferenceResolver.NONE) {
      ResolveContext context = new ResolveContext(config.id(), target.system(), target.type(),
          config.stores().keyMap());
      try {
        fields = config.resolver().resolve(source, fields, context);
      } catch (UnresolvedReferenceException e) {
        return Preparation.rejected(new RecordError(ErrorKind.PERMANENT, "UnresolvedReference",
            e.getMessage(), e.fieldPath()));
      } catch (ConnectorException e) {
        throw e; // a lookup call failed as a whole: the run stops and resumes like any other call
      } catch (RuntimeException e) {
        // a bug in the resolver, like a throwing mapping: rethrowing would fail every run on this
        // record, so it waits in the dead-letter queue for a fixed resolver and a replay
        return Preparation.rejected(new RecordError(ErrorKind.PERMANENT, "ResolverException",
            "reference resolver threw " + e.getClass().getName(), ""));
      }
      if (fields == null) {
        throw new IllegalStateException("reference resolver returned null for " + ref);
      }
    }
    ObjectNode dropped = config.conflictPolicy().removeForeignFields(config.sourceSystem(), fields);
    String hash;
    try {
      hash = ContentHash.of(fields);
    } catch (NumberFormatException e) {
      // NaN or an infinity: no target takes it, and rethrowing would fail every run on this record
      return Preparation.rejected(new RecordError(ErrorKind.PERMANENT, "InvalidNumber",
          "the mapped fields hold a number that is not finite (NaN or infinite)", ""));
    } catch (IllegalArgumentException | StackOverflowError e) {
      // a value the hash refuses (out-of-bounds number, nesting too deep): a bad record, not a bug
      return Preparation.rejected(new RecordError(ErrorKind.PERMANENT, "InvalidValue",
          "the mapped fields hold a value that cannot be written: " + e.getClass().getSimpleName(),
          ""));
    }
    String key = ContentHash.ofParts(target.system(), target.type().name(), ref.system(),
        ref.type().name(), ref.id(), hash);
    return Preparation.ok(new Mapped(source, ref, target, fields, hash, key, dropped));
  }

  private static RecordError mappingFailed(List<FieldError> errors) {
    // paths, rules and messages only: FieldError#value may hold personal data
    String message = errors.stream()
        .map(e -> e.path() + ": " + e.message() + " (" + e.rule() + ")")
        .collect(Collectors.joining("; "));
    String paths = errors.stream().map(FieldError::path).distinct()
        .collect(Collectors.joining(","));
    return new RecordError(ErrorKind.PERMANENT, "MappingFailed", message, paths);
  }
}
