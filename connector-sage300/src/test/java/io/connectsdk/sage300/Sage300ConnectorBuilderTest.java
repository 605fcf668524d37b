package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Secret;
import io.connectsdk.core.spi.Capabilities;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class Sage300ConnectorBuilderTest {
  private static Sage300ConnectorBuilder valid() {
    return Sage300Connector.builder().baseUrl(HttpUrl.get("https://erp.example.com/"))
        .company("saminc").user("WEBAPI").password(Secret.of(TestConnectors.PASSWORD));
  }

  @Test
  void build_missingSettings_namesTheMissingOne() {
    assertThatThrownBy(() -> Sage300Connector.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> Sage300Connector.builder()
        .baseUrl(HttpUrl.get("https://x/")).company("A").user("u").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("password");
  }

  @Test
  void build_plainHttpToRemoteHost_requiresOptIn() {
    Sage300ConnectorBuilder b = valid().baseUrl(HttpUrl.get("http://erp.example.com/"));
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("allowInsecureHttp");
    b.allowInsecureHttp(true).build().close();
    valid().baseUrl(HttpUrl.get("http://127.0.0.1:8080/")).build().close();
    valid().baseUrl(HttpUrl.get("http://localhost:8080/")).build().close();
  }

  @Test
  void setters_badValues_areRejected() {
    assertThatThrownBy(() -> valid().company("NO-SUCH!")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().pageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().maxConcurrentRequests(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().resource(EntityType.INVENTORY_LEVEL, "ICLocationDetails"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().referenceField(EntityType.SALES_ORDER, "x eq 1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().baseUrl(HttpUrl.get("https://u:p@erp.example.com/")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().system(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void config_defaultsAndCompanyUrl() {
    Sage300Config c = valid().config();
    assertThat(c.pageSize()).isEqualTo(100);
    assertThat(c.http().maxConcurrentRequests()).isEqualTo(2);
    assertThat(c.http().callTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(c.system()).isEqualTo("sage300");
    assertThat(c.apiVersion()).isEqualTo("v1.0");
    assertThat(c.companyUrl().toString())
        .isEqualTo("https://erp.example.com/Sage300WebApi/v1.0/-/SAMINC");
  }

  @Test
  void config_baseUrlWithWebApiPath_isNormalisedNotDoubled() {
    Sage300Config c = valid().baseUrl(HttpUrl.get(
        "https://erp.example.com/erp/Sage300WebApi/v1.0/-/SAMINC/")).config();
    assertThat(c.companyUrl().toString())
        .isEqualTo("https://erp.example.com/erp/Sage300WebApi/v1.0/-/SAMINC");
  }

  @Test
  void config_httpOptions_layeredOverConnectorDefaults() {
    Sage300Config c = valid().httpOptions(io.connectsdk.http.HttpOptions.builder()
        .userAgent("acme/1").build()).config();
    assertThat(c.http().userAgent()).isEqualTo("acme/1");
    assertThat(c.http().maxConcurrentRequests()).isEqualTo(2);
  }

  @Test
  void toBuilder_copiesAndBuilderIsReusable() {
    Sage300ConnectorBuilder b = valid().pageSize(50).errorCode("General", ErrorKind.TRANSIENT);
    try (Sage300Connector one = b.build()) {
      b.pageSize(10);
      Sage300Config derived = one.toBuilder().config();
      assertThat(derived.pageSize()).isEqualTo(50);
      assertThat(derived.errorCodes()).containsEntry("General", ErrorKind.TRANSIENT);
      assertThat(b.config().pageSize()).isEqualTo(10);
    }
  }

  @Test
  void capabilities_perTypeAndOverriddenResource() {
    try (Sage300Connector c = valid().resource(EntityType.INVENTORY_LEVEL, "IC/ICItemLocations")
        .build()) {
      assertThat(c.system()).isEqualTo("sage300");
      assertThat(c.capabilities(EntityType.CUSTOMER))
          .isEqualTo(Capabilities.readWrite(10).withDelete());
      assertThat(c.capabilities(EntityType.SALES_ORDER).write()).isTrue();
      assertThat(c.capabilities(EntityType.SALES_ORDER).delete()).isFalse();
      assertThat(c.capabilities(EntityType.INVENTORY_LEVEL).write()).isFalse();
      assertThat(c.capabilities(EntityType.INVENTORY_LEVEL).incrementalRead()).isFalse();
      assertThat(c.capabilities()).containsKeys(EntityType.INVOICE, EntityType.PAYMENT,
          EntityType.GL_ENTRY, EntityType.of("ar_receipt_batch"), EntityType.of("ap_invoice_batch"),
          EntityType.of("ap_payment_batch"), EntityType.of("gl_journal_batch"));
      assertThatThrownBy(() -> c.get(EntityType.SHIPMENT, "1"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void toString_ofConfigAndConnector_hidesPassword() {
    try (Sage300Connector c = valid().build()) {
      assertThat(valid().config().toString()).doesNotContain(TestConnectors.PASSWORD)
          .contains("****");
      assertThat(c.toString()).doesNotContain(TestConnectors.PASSWORD);
    }
  }

  @Test
  void logs_atDebugDuringFailures_neverContainCredentials() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    root.setLevel(Level.TRACE);
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(FakeSage.error(401, "Unauthorized"));
      server.enqueue(FakeSage.error(400, "RecordInvalid"));
      try (Sage300Connector c = TestConnectors.builder(server, TestConnectors.clock()).build()) {
        assertThatThrownBy(() -> c.get(EntityType.CUSTOMER, "1"))
            .hasMessageNotContaining(TestConnectors.PASSWORD);
        c.find(EntityType.CUSTOMER, "CustomerName", "x");
      } catch (RuntimeException expected) {
        assertThat(expected.getMessage()).doesNotContain(TestConnectors.PASSWORD);
      }
    } finally {
      root.detachAppender(logs);
      root.setLevel(before);
    }
    String basic = Base64.getEncoder().encodeToString(
        ("WEBAPI:" + TestConnectors.PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
        .doesNotContain(TestConnectors.PASSWORD).doesNotContain(basic));
  }
}
