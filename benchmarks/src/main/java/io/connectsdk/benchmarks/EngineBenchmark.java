package io.connectsdk.benchmarks;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncListener;
import io.connectsdk.core.sync.SyncResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * End-to-end in-memory sync harness (not JMH): a {@link GeneratingSource} of BNG customers, the
 * customer mapping loaded from its JSON document, and a {@link CountingTarget}, run by one
 * {@link SyncJob}. Prints records/s, bytes allocated per record and heap used after a full GC at
 * every checkpoint interval. Run one configuration per JVM, e.g. with {@code -Xmx256m}:
 *
 * <pre>{@code
 * java -Xmx256m -cp benchmarks.jar io.connectsdk.benchmarks.EngineBenchmark 1000000 memory
 * java -Xmx256m -cp benchmarks.jar io.connectsdk.benchmarks.EngineBenchmark 1000000 null
 * }</pre>
 *
 * Arguments: records (default 100000), stores {@code memory} ({@link Stores#inMemory()}) or
 * {@code null} (KeyMap and WriteLedger that keep nothing), page size (100, the engine's default),
 * target batch (200),
 * warm-up records (300000 with null stores, 50000 with in-memory ones, run first as a separate job
 * on fresh stores: shorter warm-ups leave
 * the JIT compiling during the measured run), mode ({@code serial}: one window at a time;
 * {@code ahead}: {@code SyncJob.Builder.readAhead} on one more daemon thread).
 */
public final class EngineBenchmark {
  private static final long PROBE_EVERY = 100_000;
  private static boolean READ_AHEAD;
  private static java.util.concurrent.ExecutorService aheadPool;

  private EngineBenchmark() {}

  public static void main(String[] args) {
    long records = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    boolean nullStores = args.length > 1 && switch (args[1]) {
      case "null" -> true;
      case "memory" -> false;
      default -> throw new IllegalArgumentException("stores must be memory or null: " + args[1]);
    };
    int pageSize = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    long warmup = args.length > 4 ? Long.parseLong(args[4])
        : nullStores ? 300_000 : 50_000; // in-memory stores of 300k records would not fit 256 MB
    READ_AHEAD = args.length > 5 && switch (args[5]) {
      case "ahead" -> true;
      case "serial" -> false;
      default -> throw new IllegalArgumentException("mode must be ahead or serial: " + args[5]);
    };

    System.out.printf(Locale.ROOT, "engine: records=%d stores=%s page=%d batch=%d warmup=%d"
        + " readAhead=%s maxHeap=%dMB%n", records, nullStores ? "null" : "memory",
        pageSize, batch, warmup, READ_AHEAD, Runtime.getRuntime().maxMemory() >> 20);
    if (READ_AHEAD) {
      aheadPool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-ahead");
        t.setDaemon(true);
        return t;
      });
    }
    // two warm-up jobs: the second one's code paths (a new job on warm code) are the measured
    // run's, so the JIT's late recompilations happen before the measurement
    for (int i = 0; i < 2 && warmup > 0; i++) {
      run(warmup / 2, nullStores, pageSize, batch, false);
    }
    try {
      run(records, nullStores, pageSize, batch, true);
    } catch (OutOfMemoryError e) {
      // the job and its stores are unreachable now, so there is room to say how far it got
      System.out.printf(Locale.ROOT, "OutOfMemoryError after %,d records were checkpointed%n",
          Probe.lastPosition);
      System.exit(1);
    }
  }

  private static void run(long records, boolean nullStores, int pageSize, int batch,
      boolean report) {
    Stores stores = nullStores
        ? Stores.builder().keyMap(new NullKeyMap()).ledger(new NullWriteLedger()).build()
        : Stores.inMemory();
    CountingTarget target = new CountingTarget(batch);
    Probe probe = new Probe(report);
    SyncJob.Builder builder = SyncJob.builder("bench-customers-" + records)
        .source(new GeneratingSource(records), EntityType.CUSTOMER)
        .mapping(Fixtures.customerMapping())
        .target(target, EntityType.CUSTOMER)
        .stores(stores)
        .pageSize(pageSize)
        .listener(probe);
    if (aheadPool != null) {
      builder.readAhead(aheadPool);
    }
    SyncJob job = builder.build();

    probe.start();
    SyncResult result = job.runOnce();
    probe.finish();

    if (result.created() != records || target.writes() != records || result.deadLettered() != 0
        || result.failedAttempts() != 0) {
      throw new IllegalStateException("sync did not write every record once: " + result
          + ", target writes " + target.writes());
    }
    if (report) {
      probe.print(records, result);
    }
  }

  /** Times the run, excluding the pauses it takes to measure the heap after a full GC. */
  private static final class Probe implements SyncListener {
    private final boolean heap;
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    /** The last checkpointed position of the reported run (read after an OutOfMemoryError). */
    static volatile long lastPosition;

    private long startNanos;
    private long pausedNanos;
    private long elapsedNanos;
    private long startBytes;
    private long startCpu;
    private long cpuNanos;
    private long probeBytes;
    private long probeCpu;
    private long allocatedBytes;
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startProcessCpu;
    private long processCpuNanos;
    private long probeProcessCpu;
    private long startAllBytes;
    private final java.lang.management.CompilationMXBean jit =
        ManagementFactory.getCompilationMXBean();
    private long startJitMillis;
    private long jitMillis;
    private long allBytes;
    private long nextProbe = PROBE_EVERY;

    Probe(boolean heap) {
      this.heap = heap;
    }

    void start() {
      if (heap) {
        System.out.printf(Locale.ROOT, "  %,10d records  heap after GC %6.1f MB%n", 0L,
            heapAfterGc() / 1e6);
      }
      startBytes = threads.getCurrentThreadAllocatedBytes();
      startCpu = threads.getCurrentThreadCpuTime();
      startProcessCpu = os.getProcessCpuTime();
      startAllBytes = allThreadsAllocated();
      startJitMillis = jit.getTotalCompilationTime();
      startNanos = System.nanoTime();
    }

    void finish() {
      elapsedNanos = System.nanoTime() - startNanos - pausedNanos;
      cpuNanos = threads.getCurrentThreadCpuTime() - startCpu - probeCpu;
      allocatedBytes = threads.getCurrentThreadAllocatedBytes() - startBytes - probeBytes;
      processCpuNanos = os.getProcessCpuTime() - startProcessCpu - probeProcessCpu;
      allBytes = allThreadsAllocated() - startAllBytes - probeBytes;
      jitMillis = jit.getTotalCompilationTime() - startJitMillis;
    }

    /** Bytes allocated so far by the threads alive now (the pools' threads live for the run). */
    private long allThreadsAllocated() {
      long sum = 0;
      for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
        sum += Math.max(0, b);
      }
      return sum;
    }

    @Override
    public void checkpointSaved(String jobId, Cursor cursor) {
      long position = Long.parseLong(cursor.value());
      if (heap) {
        lastPosition = position;
      }
      if (!heap || position < nextProbe) {
        return;
      }
      nextProbe = (position / PROBE_EVERY + 1) * PROBE_EVERY;
      long pauseStart = System.nanoTime();
      long bytesBefore = threads.getCurrentThreadAllocatedBytes();
      long cpuBefore = threads.getCurrentThreadCpuTime();
      long processCpuBefore = os.getProcessCpuTime();
      long used = heapAfterGc();
      double seconds = (pauseStart - startNanos - pausedNanos) / 1e9;
      System.out.printf(Locale.ROOT, "  %,10d records  heap after GC %6.1f MB  at %6.2f s%n",
          position, used / 1e6, seconds);
      probeBytes += threads.getCurrentThreadAllocatedBytes() - bytesBefore;
      probeCpu += threads.getCurrentThreadCpuTime() - cpuBefore;
      probeProcessCpu += os.getProcessCpuTime() - processCpuBefore;
      pausedNanos += System.nanoTime() - pauseStart;
    }

    private long heapAfterGc() {
      System.gc();
      System.gc();
      return memory.getHeapMemoryUsage().getUsed();
    }

    void print(long records, SyncResult result) {
      double seconds = elapsedNanos / 1e9;
      System.out.printf(Locale.ROOT, "records/s: %,.0f  (%,d records in %.2f s, %d API calls)%n",
          records / seconds, records, seconds, result.connectorCalls());
      System.out.printf(Locale.ROOT, "engine thread CPU: %.2f s = %,.0f records per CPU-second"
          + " (%.0f%% of wall time; the rest is GC, JIT and other processes)%n", cpuNanos / 1e9,
          records / (cpuNanos / 1e9), 100.0 * cpuNanos / elapsedNanos);
      System.out.printf(Locale.ROOT, "allocated: %,.0f B/record (engine thread, %,.1f MB total)%n",
          (double) allocatedBytes / records, allocatedBytes / 1e6);
      System.out.printf(Locale.ROOT, "process CPU (all threads, incl. GC and JIT): %.2f s ="
          + " %.1f us/record; allocated by all threads: %,.0f B/record%n",
          processCpuNanos / 1e9, processCpuNanos / 1e3 / records, (double) allBytes / records);
      System.out.printf(Locale.ROOT, "JIT compilation during the run: %,d ms%n", jitMillis);
    }
  }
}
