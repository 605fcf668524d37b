package io.connectsdk.core.sync;

import io.connectsdk.core.Entity;
import io.connectsdk.core.RecordRef;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.MDC;

/**
 * Runs {@link RecordPipeline#map} for a list of records, either on the calling thread or in chunks
 * shared with helpers on an executor (see {@code SyncJob.Builder.prepareInParallel}). The result
 * list is in record order either way. Mapping reads no store of the engine's, so chunks need no
 * coordination; a whole-call failure in any chunk is rethrown on the calling thread.
 */
final class Preparer {
  /** Records per chunk: small enough to balance the threads, large enough to cost nothing. */
  static final int CHUNK = 32;

  private final RecordPipeline pipeline;
  private final Executor executor;
  private final int parts;

  Preparer(RecordPipeline pipeline, JobConfig config) {
    this.pipeline = pipeline;
    this.executor = config.prepareExecutor().orElse(null);
    this.parts = config.prepareParts();
  }

  List<Preparation> mapAll(List<Entity> records, SyncTarget target) {
    return mapAll(records, target, work -> {});
  }

  /**
   * Maps the records; {@code started} is told of the chunked work before the calling thread
   * joins it, so one more thread (a job thread waiting for this page) can help.
   */
  List<Preparation> mapAll(List<Entity> records, SyncTarget target,
      Consumer<ChunkedWork> started) {
    Preparation[] out = new Preparation[records.size()];
    int chunks = (records.size() + CHUNK - 1) / CHUNK;
    ChunkedWork work = new ChunkedWork(chunks, c ->
        mapSlice(records, target, out, c * CHUNK, Math.min(records.size(), (c + 1) * CHUNK)));
    if (executor != null && chunks > 1) {
      Map<String, String> mdc = MDC.getCopyOfContextMap();
      try {
        for (int i = 1; i < Math.min(parts, chunks); i++) {
          executor.execute(() -> MdcScope.runWith(mdc, work::help));
        }
      } catch (RejectedExecutionException e) {
        // a shut-down or saturated executor: fewer helpers, the calling thread does the rest
      }
    }
    started.accept(work);
    work.finish();
    return Arrays.asList(out);
  }

  private void mapSlice(
      List<Entity> records, SyncTarget target, Preparation[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      Entity source = records.get(i);
      RecordRef ref = pipeline.sourceRef(source);
      try (MdcScope scope = MdcScope.put(MdcScope.RECORD, ref.toString())) {
        out[i] = pipeline.map(source, ref, target);
      }
    }
  }
}
