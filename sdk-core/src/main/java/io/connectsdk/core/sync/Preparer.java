package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.MDC;

/**
 * Runs {@link RecordPipeline#prepare} for a list of records, in order, either on the calling
 * thread or split into slices on an executor (see {@code SyncJob.Builder.prepareInParallel}). The
 * result list is in record order either way. Preparation only reads the stores, so slices need no
 * coordination; a whole-call failure in any slice is rethrown on the calling thread.
 */
final class Preparer {
  /** Below this many records per slice, handing work to another thread costs more than it saves. */
  private static final int MIN_SLICE = 16;

  private final RecordPipeline pipeline;
  private final Executor executor;
  private final int parts;

  Preparer(RecordPipeline pipeline, JobConfig config) {
    this.pipeline = pipeline;
    this.executor = config.prepareExecutor().orElse(null);
    this.parts = config.prepareParts();
  }

  List<Preparation> prepareAll(List<Entity> records, SyncTarget target) {
    int slices = executor == null ? 1 : Math.min(parts, Math.max(1, records.size() / MIN_SLICE));
    Preparation[] out = new Preparation[records.size()];
    if (slices == 1) {
      prepareSlice(records, target, out, 0, records.size());
      return Arrays.asList(out);
    }
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    int size = (records.size() + slices - 1) / slices;
    List<CompletableFuture<Void>> others = new ArrayList<>(slices - 1);
    for (int from = size; from < records.size(); from += size) {
      int start = from;
      int end = Math.min(records.size(), from + size);
      others.add(CompletableFuture.runAsync(() -> {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        setMdc(mdc);
        try {
          prepareSlice(records, target, out, start, end);
        } finally {
          setMdc(previous);
        }
      }, executor));
    }
    RuntimeException first = null;
    try {
      prepareSlice(records, target, out, 0, Math.min(size, records.size()));
    } catch (RuntimeException e) {
      first = e;
    }
    for (CompletableFuture<Void> f : others) {
      try {
        f.join();
      } catch (CompletionException e) {
        if (first == null) {
          first = unwrap(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return Arrays.asList(out);
  }

  private void prepareSlice(
      List<Entity> records, SyncTarget target, Preparation[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      Entity source = records.get(i);
      RecordRef ref = pipeline.sourceRef(source);
      try (MdcScope scope = MdcScope.put(MdcScope.RECORD, ref.toString())) {
        out[i] = pipeline.prepare(source, target);
      }
    }
  }

  private static RuntimeException unwrap(CompletionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return e;
  }

  private static void setMdc(Map<String, String> context) {
    if (context == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(context);
    }
  }
}
