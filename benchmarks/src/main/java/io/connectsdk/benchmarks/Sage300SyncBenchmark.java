package io.connectsdk.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.Secret;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.mapping.MappingResult;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.core.sync.SyncResult;
import io.connectsdk.sage300.Sage300Connector;
import io.connectsdk.simulators.sage300.Sage300Simulator;
import io.connectsdk.testkit.InMemoryConnector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.spi.WriteResult;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A 2,000-customer sync into the Sage 300 simulator through connector-sage300 and a {@code
 * SyncJob}, beside a plain OkHttp loop making the same requests (one POST per customer, Basic auth,
 * JSON body) with the same concurrency limit (2), alternated in one JVM against the same simulator
 * (emptied before each run). Prints each run's time and requests per record.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.connectsdk.benchmarks.Sage300SyncBenchmark [customers] [rounds] [batch]
 * </pre>
 */
public final class Sage300SyncBenchmark {
  private static final int CONCURRENCY = 2;
  private static int batch = 10;
  private static final MediaType JSON = MediaType.get("application/json");

  private static final Mapping TO_SAGE = source -> MappingResult.success(body(
      source.text("number").orElseThrow(), source.text("short").orElseThrow()));

  private Sage300SyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    batch = args.length > 2 ? Integer.parseInt(args[2]) : 10; // the connector's default maxBatchSize
    try (Sage300Simulator sim = Sage300Simulator.builder().build().start()) {
      System.out.printf(Locale.ROOT, "sage300 sync: customers=%d rounds=%d concurrency=%d batch=%d%n",
          customers, rounds, CONCURRENCY, batch);
      run("warm-up sdk", sim, customers, Mode.SYNC_JOB);
      run("warm-up conn", sim, customers, Mode.CONNECTOR);
      run("warm-up plain", sim, customers, Mode.PLAIN);
      double sdk = 0;
      double connector = 0;
      double plain = 0;
      for (int r = 1; r <= rounds; r++) {
        sdk += run("sdk   #" + r, sim, customers, Mode.SYNC_JOB);
        connector += run("conn  #" + r, sim, customers, Mode.CONNECTOR);
        plain += run("plain #" + r, sim, customers, Mode.PLAIN);
      }
      System.out.printf(Locale.ROOT, "mean: sdk %.0f ms, connector alone %.0f ms, plain %.0f ms, "
          + "sdk/plain %.2f, connector/plain %.2f%n", sdk / rounds, connector / rounds,
          plain / rounds, sdk / plain, connector / plain);
    }
  }

  /** What a run measures: the whole SDK, the connector's write calls alone, or plain OkHttp. */
  private enum Mode { SYNC_JOB, CONNECTOR, PLAIN }

  private static double run(String label, Sage300Simulator sim, int customers, Mode mode)
      throws Exception {
    sim.reset();
    long start = System.nanoTime();
    switch (mode) {
      case SYNC_JOB -> sdkSync(sim, customers);
      case CONNECTOR -> connectorWrites(sim, customers);
      case PLAIN -> plainLoop(sim, customers);
    }
    double ms = (System.nanoTime() - start) / 1e6;
    require(sim.count("AR", "ARCustomers") == customers, label + ": customers stored");
    System.out.printf(Locale.ROOT, "%-14s %7.0f ms  %5d requests  %.2f requests/record  peak %d%n",
        label, ms, sim.totalRequests(), sim.totalRequests() / (double) customers,
        sim.maxConcurrency());
    return ms;
  }

  private static void sdkSync(Sage300Simulator sim, int customers) {
    InMemoryConnector source = InMemoryConnector.builder().system("bng")
        .type(EntityType.CUSTOMER).build();
    for (int i = 0; i < customers; i++) {
      source.put(Entity.builder(EntityType.CUSTOMER, "B" + i).origin("bng")
          .field("number", number(i)).field("short", "Cust" + i).build());
    }
    try (Sage300Connector sage = connector(sim)) {
      SyncResult result = SyncJob.builder("bench").source(source, EntityType.CUSTOMER)
          .mapping(TO_SAGE).target(sage, EntityType.CUSTOMER).stores(Stores.inMemory()).build()
          .runOnce();
      require(result.created() == customers, "sdk: all created");
    }
  }

  /** The connector's write calls in batches of {@code batch}, no engine: where the time goes. */
  private static void connectorWrites(Sage300Simulator sim, int customers) {
    try (Sage300Connector sage = connector(sim)) {
      for (int from = 0; from < customers; from += batch) {
        List<WriteRequest> requests = new ArrayList<>();
        for (int i = from; i < Math.min(customers, from + batch); i++) {
          requests.add(WriteRequest.upsert(Optional.empty(), body(number(i), "Cust" + i),
              "bng:customer:" + i, "k" + i));
        }
        for (WriteResult r : sage.write(EntityType.CUSTOMER, requests)) {
          require(r.status() == WriteResult.Status.CREATED, "connector: created");
        }
      }
    }
  }

  private static Sage300Connector connector(Sage300Simulator sim) {
    return Sage300Connector.builder().baseUrl(HttpUrl.get(sim.baseUrl()))
        .company("SAMINC").user("WEBAPI").password(Secret.of("WEBAPI"))
        .maxConcurrentRequests(CONCURRENCY).maxBatchSize(batch).build();
  }

  private static void plainLoop(Sage300Simulator sim, int customers) throws Exception {
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false)
        .connectionPool(new ConnectionPool(CONCURRENCY, 5, java.util.concurrent.TimeUnit.MINUTES))
        .build();
    HttpUrl url = HttpUrl.get(sim.resourceUrl("AR", "ARCustomers"));
    String auth = Credentials.basic("WEBAPI", "WEBAPI", StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
    AtomicInteger next = new AtomicInteger();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < CONCURRENCY; w++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < customers; i = next.getAndIncrement()) {
            Request request = new Request.Builder().url(url).header("Authorization", auth)
                .header("Accept", "application/json")
                .post(RequestBody.create(Json.mapper().writeValueAsBytes(
                    body(number(i), "Cust" + i)), JSON)).build();
            try (Response response = client.newCall(request).execute()) {
              response.body().bytes();
              if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : workers) {
        f.get();
      }
    } finally {
      pool.shutdown();
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark check failed: " + what);
    }
  }

  private static String number(int i) {
    return String.format(Locale.ROOT, "S%05d", i);
  }

  private static ObjectNode body(String number, String shortName) {
    return Json.object().put("CustomerNumber", number).put("ShortName", shortName)
        .put("GroupCode", "RTL").put("TaxGroup", "CALIF");
  }
}
