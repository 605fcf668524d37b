package io.connectsdk.bng;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import io.connectsdk.core.Secret;
import io.connectsdk.core.mapping.Mapping;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.WriteRequest;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.sync.SyncJob;
import io.connectsdk.testkit.InMemoryConnector;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JDK-hosted endpoint with the default queue (one worker thread). */
class BngWebhookServerTest {
  @Test
  void defaultQueue_eventAppliedByTheWorker_closeDrainsTheQueue() throws Exception {
    try (TestBng bng = TestBng.start(); BngConnector source = bng.connector().build()) {
      InMemoryConnector erp = InMemoryConnector.builder().system("erp")
          .type(EntityType.CUSTOMER, Capabilities.readWrite(100)).clock(bng.clock).build();
      SyncJob job = SyncJob.builder("bng-to-erp").source(source, EntityType.CUSTOMER)
          .mapping(Mapping.builder("m").copy("company_name", "name").build())
          .target(erp, EntityType.CUSTOMER).stores(Stores.inMemory(bng.clock)).clock(bng.clock)
          .sleeper(bng.clock).build();
      BngWebhooks hooks = source.webhooks().secrets(Secret.of("whsec")).job(EntityType.CUSTOMER,
          job).build();
      try (BngWebhookServer server = BngWebhookServer.start(hooks,
          new InetSocketAddress("127.0.0.1", 0), "/hooks")) {
        bng.sim.subscribe(server.url().toString(), "whsec");
        source.write(EntityType.CUSTOMER, List.of(WriteRequest.upsert(Optional.empty(),
            Json.object().put("company_name", "Acme"), "t:1", "k1")));

        assertThat(bng.sim.deliverPendingEvents()).isEqualTo(1);
        assertThat(get(server.url())).isEqualTo(405);
      }
      hooks.close(); // waits for the worker to finish the queued event

      assertThat(erp.records(EntityType.CUSTOMER)).singleElement()
          .satisfies(c -> assertThat(c.text("name")).contains("Acme"));
    }
  }

  @Test
  void inline_consumerThrows_answered500ThenRedeliveryApplied() throws Exception {
    try (TestBng bng = TestBng.start(); BngConnector source = bng.connector().build()) {
      InMemoryConnector erp = InMemoryConnector.builder().system("erp")
          .type(EntityType.CUSTOMER, Capabilities.readWrite(100)).clock(bng.clock).build();
      SyncJob job = SyncJob.builder("bng-to-erp").source(source, EntityType.CUSTOMER)
          .mapping(Mapping.builder("m").copy("company_name", "name").build())
          .target(erp, EntityType.CUSTOMER).stores(Stores.inMemory(bng.clock)).clock(bng.clock)
          .sleeper(bng.clock).build();
      try (BngWebhooks hooks = source.webhooks().secrets(Secret.of("whsec"))
          .job(EntityType.CUSTOMER, job).inline().maxBodyBytes(4096).build();
          BngWebhookServer server = BngWebhookServer.start(hooks,
              new InetSocketAddress("127.0.0.1", 0), "/hooks")) {
        bng.sim.subscribe(server.url().toString(), "whsec");
        source.write(EntityType.CUSTOMER, List.of(WriteRequest.upsert(Optional.empty(),
            Json.object().put("company_name", "Acme"), "t:1", "k1")));
        erp.faults().authFailNext(io.connectsdk.testkit.ConnectorOperation.WRITE, 1);

        assertThat(bng.sim.deliverPendingEvents()).as("answered 500: kept for BNG").isZero();
        assertThat(bng.sim.deliverPendingEvents()).as("redelivered and applied").isEqualTo(1);
        assertThat(erp.records(EntityType.CUSTOMER)).hasSize(1);
        assertThat(post(server.url(), new byte[5000])).isEqualTo(413);
      }
    }
  }

  private static int post(URI url, byte[] body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int get(URI url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
