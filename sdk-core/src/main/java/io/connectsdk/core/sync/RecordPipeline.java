package io.connectsdk.core.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.ConnectorException;
import io.connectsdk.core.Entity;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.RecordRef;
import io.connectsdk.core.internal.Shared;
import io.connectsdk.core.mapping.FieldError;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.store.LedgerEntry;
import io.connectsdk.core.store.LedgerKey;
import io.connectsdk.core.store.RecordError;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns one source record into what one target should receive: map and validate, resolve
 * references, apply the conflict policy, hash, and derive the idempotency key and known target id.
 * Has no side effects of its own (a resolver may have some), so the partner job of a two-way pair
 * can run it to compute the echo guard.
 */
final class RecordPipeline {
  /** Ledger key prefix of the idempotency key of the last create sent for a source record. */
  private static final String CREATE_INTENT = "create-intent:";
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
        ? Shared.fields(mapped) : mapped.fields();
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
    }
    String key = ContentHash.ofParts(target.system(), target.type().name(), ref.system(),
        ref.type().name(), ref.id(), hash);
    return Preparation.ok(new Mapped(source, ref, target, fields, hash, key, dropped));
  }

  /**
   * The part of preparing a record that reads the stores: the target id known from the key map or
   * from an earlier write with the same key, and a create whose outcome was never recorded. Must
   * run after the writes of every earlier record of the job are recorded.
   */
  Prepared link(Mapped m) {
    RecordRef ref = m.sourceRef();
    SyncTarget target = m.target();
    String key = m.idempotencyKey();
    Optional<String> targetId = knownTargetId(ref, target)
        .or(() -> config.stores().ledger().keyResult(key));
    if (targetId.isEmpty() && neverCompleted(target, ref)) {
      Optional<String> earlier = createIntent(target, ref).filter(k -> !k.equals(key));
      if (earlier.isPresent()) {
        // a create with other content was sent and its outcome never recorded: repeat it under
        // its own key, so a target that applied it answers with that record instead of a second
        Optional<String> made = config.stores().ledger().keyResult(earlier.get());
        return m.prepared(made.isPresent() ? key : earlier.get(), made, made.isEmpty());
      }
    }
    return m.prepared(key, targetId, false);
  }

  /**
   * Records, before a create is sent, under which idempotency key it goes: if the process dies
   * before the outcome is recorded and the record changes meanwhile, the next create is sent with
   * this key again (see {@link Prepared#recovery()}).
   */
  void recordCreateIntent(Prepared p) {
    LedgerKey k = new LedgerKey(p.target().system(), p.target().type(), p.ledgerKey());
    var ledger = config.stores().ledger();
    ledger.put(k, ledger.entry(k).orElse(LedgerEntry.EMPTY)
        .withCreateIntent(Optional.of(p.idempotencyKey())));
  }

  /** Forgets the create intent of a create the target answered as not done. */
  void clearCreateIntent(Prepared p) {
    LedgerKey k = new LedgerKey(p.target().system(), p.target().type(), p.ledgerKey());
    var ledger = config.stores().ledger();
    ledger.put(k, ledger.entry(k).orElse(LedgerEntry.EMPTY).withCreateIntent(Optional.empty()));
  }

  /**
   * True if no write of this record to this target ever completed: a create intent is only
   * pending then; once a write completed (and its link was removed since, e.g. by an operator)
   * the intent is history.
   */
  private boolean neverCompleted(SyncTarget target, RecordRef ref) {
    return config.stores().ledger().entry(target.system(), target.type(), ref.toString())
        .flatMap(LedgerEntry::contentHash).isEmpty();
  }

  private Optional<String> createIntent(SyncTarget target, RecordRef ref) {
    return config.stores().ledger().entry(target.system(), target.type(), ref.toString())
        .flatMap(LedgerEntry::createIntent);
  }

  /** The target id linked to this source record in the key map, for the target's type. */
  Optional<String> knownTargetId(RecordRef ref, SyncTarget target) {
    return config.stores().keyMap().lookup(ref, target.system())
        .filter(r -> r.type().equals(target.type()))
        .map(RecordRef::id);
  }

  /** True if the ledger says exactly this content was last written to this target record. */
  boolean alreadyWritten(Prepared p) {
    return config.stores().ledger()
        .entry(p.target().system(), p.target().type(), p.ledgerKey())
        .flatMap(LedgerEntry::contentHash)
        .map(p.hash()::equals)
        .orElse(false);
  }

  /**
   * True if the target already holds content from a newer version of this source record than
   * {@code p}'s (a late webhook, a stale dead letter, an old version listed again).
   */
  boolean olderThanWritten(Prepared p) {
    return config.stores().ledger()
        .entry(p.target().system(), p.target().type(), p.ledgerKey())
        .flatMap(LedgerEntry::sourceVersion)
        .flatMap(SourceVersion::parse)
        .map(SourceVersion.of(p.source())::isOlderThan)
        .orElse(false);
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
