package io.connectsdk.bng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Secret;
import io.connectsdk.core.spi.Capabilities;
import io.connectsdk.core.spi.ConnectorListener;
import io.connectsdk.core.spi.Cursor;
import io.connectsdk.simulators.base.SimFault;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BngConnectorBuilderTest {
  @Test
  void build_missingCredentials_illegalState() {
    assertThatThrownBy(() -> BngConnector.builder().baseUrl("https://bng.example").build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void build_plainHttpToRemoteHost_refused() {
    assertThatThrownBy(() -> BngConnector.builder().baseUrl("http://bng.example")
        .clientId("a").clientSecret(Secret.of("b")).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void build_defaults_instanceNameBngAndCapabilities() {
    try (BngConnector c = BngConnector.builder().baseUrl("https://bng.example/").clientId("a")
        .clientSecret(Secret.of("b")).build()) {
      assertThat(c.system()).isEqualTo("bng");
      Capabilities customers = c.capabilities(EntityType.CUSTOMER);
      assertThat(customers.incrementalRead()).isTrue();
      assertThat(customers.maxBatchSize()).isEqualTo(50);
      assertThat(customers.versions()).isTrue();
      assertThat(customers.events()).isTrue();
      assertThat(customers.delete()).isFalse();
      assertThat(c.capabilities(EntityType.GL_ENTRY).events()).isFalse();
      assertThat(c.capabilities(EntityType.INVENTORY_LEVEL).versions()).isFalse();
    }
  }

  @Test
  void system_instanceName_usedAsEntityOrigin() {
    try (TestBng bng = TestBng.start();
        BngConnector c = bng.connector().system("bng-eu").build()) {
      bng.sim.seed("customers", io.connectsdk.core.Json.object().put("company_name", "A"));

      assertThat(c.system()).isEqualTo("bng-eu");
      assertThat(c.readChanges(EntityType.CUSTOMER, Cursor.BEGINNING, 10).entities())
          .allSatisfy(e -> assertThat(e.origin()).isEqualTo("bng-eu"));
    }
  }

  @Test
  void wrongSecret_authenticationExceptionWithoutTheSecret() {
    try (TestBng bng = TestBng.start();
        BngConnector c = bng.connector().clientSecret(Secret.of("wrong-value")).build()) {
      assertThatThrownBy(() -> c.readChanges(EntityType.CUSTOMER, Cursor.BEGINNING, 10))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageNotContaining("wrong-value");
      assertThat(bng.sim.tokensIssued()).isZero();
    }
  }

  @Test
  void tokens_expiredOnServer_oneReloginForTheNextCall() {
    try (TestBng bng = TestBng.start(); BngConnector c = bng.connector().build()) {
      c.readChanges(EntityType.CUSTOMER, Cursor.BEGINNING, 10);
      bng.sim.expireAllTokens();

      c.readChanges(EntityType.CUSTOMER, Cursor.BEGINNING, 10);

      assertThat(bng.sim.tokensIssued()).isEqualTo(2);
      assertThat(c.requestsSent()).isEqualTo(5); // token, GET, GET 401, token, GET
    }
  }

  @Test
  void tokens_renewedBeforeExpiresIn_withoutA401() {
    try (TestBng bng = TestBng.start(); BngConnector c = bng.connector().build()) {
      c.readChanges(EntityType.CUSTOMER, Cursor.BEGINNING, 10);
      bng.clock.advance(java.time.Duration.ofSeconds(3600 - 30));

      c.readChanges(EntityType.CUSTOMER, Cursor.BEGINNING, 10);

      assertThat(bng.sim.tokensIssued()).isEqualTo(2);
      assertThat(c.requestsSent()).isEqualTo(4);
    }
  }

  @Test
  void circuitBreaker_opensAfterFailures_listenersTold() {
    List<String> events = new ArrayList<>();
    try (TestBng bng = TestBng.start();
        BngConnector c = bng.connector().resilience(p -> p.maxAttempts(1)).build()) {
      c.addListener(new ConnectorListener() {
        @Override
        public void circuitOpened(String system, Throwable lastFailure) {
          events.add("opened " + system);
        }
      });
      bng.sim.faults().script(Collections.nCopies(10, SimFault.error(503)));
      for (int i = 0; i < 6; i++) {
        try {
          c.readChanges(EntityType.CUSTOMER, Cursor.BEGINNING, 10);
        } catch (RuntimeException expected) {
          // counted by the breaker
        }
      }
    }
    assertThat(events).containsExactly("opened bng");
  }
}
