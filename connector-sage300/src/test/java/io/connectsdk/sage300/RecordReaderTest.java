package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.CompositeKey;
import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.resilience.ResiliencePolicy;
import io.connectsdk.testkit.FakeClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordReaderTest {
  private static final String BASE = "/Sage300WebApi/v1.0/-/SAMINC/";
  private final MockWebServer server = new MockWebServer();
  private final FakeClock clock = TestConnectors.clock();
  private Sage300Connector connector;

  @BeforeEach
  void start() throws Exception {
    server.start();
    connector = TestConnectors.builder(server, clock).build();
  }

  @AfterEach
  void stop() {
    connector.close();
    server.close();
  }

  private void reply(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  @Test
  void get_existingCustomer_sendsKeyAuthAndContentType() throws Exception {
    reply(200, "{\"CustomerNumber\":\"1200\",\"CustomerName\":\"Ronald Black\"}");
    Optional<Entity> e = connector.get(EntityType.CUSTOMER, "1200");
    assertThat(e).get().extracting(Entity::id).isEqualTo("1200");
    assertThat(e.get().text("CustomerName")).contains("Ronald Black");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getTarget()).isEqualTo(BASE + "AR/ARCustomers('1200')");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        ("WEBAPI:" + TestConnectors.PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(expected);
  }

  @Test
  void get_recordNotFound_isEmpty() {
    server.enqueue(FakeSage.notFound());
    assertThat(connector.get(EntityType.CUSTOMER, "NOPE")).isEmpty();
  }

  @Test
  void get_keyWithQuoteSlashSpaceAndNonAscii_isEscapedAndRoundTrips() throws Exception {
    String id = "O'Brien/Zoë 7";
    reply(200, "{\"CustomerNumber\":\"O'Brien/Zoë 7\"}");
    assertThat(connector.get(EntityType.CUSTOMER, id)).get().extracting(Entity::id).isEqualTo(id);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget())
        .isEqualTo(BASE + "AR/ARCustomers('O''Brien%2FZo%C3%AB%207')");
    assertThat(r.getUrl().pathSegments().get(5)).isEqualTo("ARCustomers('O''Brien/Zoë 7')");
  }

  @Test
  void get_numericAndCompositeKeys_useODataKeySyntax() throws Exception {
    reply(200, "{\"BatchNumber\":66}");
    reply(200, "{\"BatchRecordType\":\"CA\",\"BatchNumber\":65}");
    assertThat(connector.get(EntityType.INVOICE, "66")).get().extracting(Entity::id)
        .isEqualTo("66");
    String composite = CompositeKey.of("BatchRecordType", "CA", "BatchNumber", "65").encode();
    assertThat(connector.get(EntityType.PAYMENT, composite)).get().extracting(Entity::id)
        .isEqualTo(composite);
    assertThat(server.takeRequest().getTarget()).isEqualTo(BASE + "AR/ARInvoiceBatches(66)");
    assertThat(server.takeRequest().getTarget())
        .isEqualTo(BASE + "AR/ARReceiptAndAdjustmentBatches(BatchRecordType='CA',BatchNumber=65)");
    assertThatThrownBy(() -> connector.get(EntityType.INVOICE, "66) or (1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void find_byAllowedField_sendsEscapedFilter() throws Exception {
    reply(200, "{\"value\":[{\"CustomerNumber\":\"77\",\"CustomerName\":\"O'Brien\"}]}");
    assertThat(connector.find(EntityType.CUSTOMER, "CustomerName", "O'Brien"))
        .extracting(Entity::id).containsExactly("77");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().queryParameter("$filter")).isEqualTo("CustomerName eq 'O''Brien'");
    assertThat(r.getTarget()).isEqualTo(
        BASE + "AR/ARCustomers?$filter=CustomerName%20eq%20%27O%27%27Brien%27&$top=100");
  }

  @Test
  void find_fieldNotOnAllowList_isRejectedWithoutACall() {
    assertThatThrownBy(() -> connector.find(EntityType.CUSTOMER, "CustomerName eq 'x' or 1", "y"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void get_unauthorized_saysCredentialsRefusedWithoutPassword() {
    server.enqueue(FakeSage.error(401, "Unauthorized"));
    assertThatThrownBy(() -> connector.get(EntityType.CUSTOMER, "1"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("credentials")
        .hasMessageNotContaining(TestConnectors.PASSWORD);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void get_forbidden_namesTheWebApiSecurityRight() {
    reply(403, "");
    assertThatThrownBy(() -> connector.get(EntityType.CUSTOMER, "1"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("\"Sage 300 Web API\" security right")
        .hasMessageNotContaining(TestConnectors.PASSWORD);
  }

  @Test
  void get_tooManyRequestsFiveTimes_throwsRateLimitedAfterWaitingRetryAfter() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(FakeSage.error(429, "TooManyRequests").newBuilder()
          .setHeader("Retry-After", "7").build());
    }
    assertThatThrownBy(() -> connector.get(EntityType.CUSTOMER, "1"))
        .isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter())
            .isEqualTo(Duration.ofSeconds(7)));
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(clock.totalSlept()).isGreaterThanOrEqualTo(Duration.ofSeconds(28));
  }

  @Test
  void get_sessionErrorThenSuccess_isRetried() {
    server.enqueue(FakeSage.error(500, "SessionError"));
    server.enqueue(FakeSage.error(503, "DBLinkError"));
    reply(200, "{\"CustomerNumber\":\"1\"}");
    assertThat(connector.get(EntityType.CUSTOMER, "1")).isPresent();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void get_withoutRetryPolicy_classifiesEachFailure() {
    try (Sage300Connector once = connector.toBuilder()
        .resiliencePolicy(ResiliencePolicy.none()).build()) {
      server.enqueue(FakeSage.error(500, "InternalServerError"));
      assertThatThrownBy(() -> once.get(EntityType.CUSTOMER, "1"))
          .isInstanceOf(TransientException.class).hasMessageContaining("InternalServerError");
      server.enqueue(FakeSage.error(400, "InvalidEntityKey"));
      assertThatThrownBy(() -> once.get(EntityType.CUSTOMER, "1"))
          .isInstanceOf(PermanentException.class).hasMessageContaining("InvalidEntityKey");
      server.enqueue(new MockResponse.Builder().onResponseStart(
          new mockwebserver3.SocketEffect.CloseSocket()).build());
      assertThatThrownBy(() -> once.get(EntityType.CUSTOMER, "1"))
          .isInstanceOf(TransientException.class);
    }
  }
}
