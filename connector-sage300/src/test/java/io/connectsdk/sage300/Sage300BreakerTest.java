package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.TransientException;
import io.connectsdk.core.resilience.CircuitOpenException;
import io.connectsdk.core.spi.ConnectorListener;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The default policy's breaker counts calls and reaches the connector's listeners. */
class Sage300BreakerTest {

  @Test
  void get_serverDown_breakerOpensAfterFiveFailedCallsAndTellsListeners() throws Exception {
    List<String> events = new ArrayList<>();
    List<Throwable> causes = new ArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return FakeSage.error(500, "InternalServerError");
        }
      });
      server.start();
      Sage300Connector sage = TestConnectors.builder(server, TestConnectors.clock())
          .system("sage300-us").build();
      sage.addListener(new ConnectorListener() {
        @Override
        public void circuitOpened(String system, Throwable lastFailure) {
          events.add("opened " + system);
          causes.add(lastFailure);
        }
      });
      for (int call = 0; call < 5; call++) {
        assertThatThrownBy(() -> sage.get(EntityType.CUSTOMER, "1"))
            .isInstanceOf(TransientException.class).hasMessageContaining("InternalServerError");
      }
      assertThat(server.getRequestCount()).isEqualTo(25); // 5 calls of 5 attempts: 5 failures
      assertThat(events).containsExactly("opened sage300-us");
      assertThat(causes.get(0)).hasMessageContaining("InternalServerError");
      assertThatThrownBy(() -> sage.get(EntityType.CUSTOMER, "1"))
          .isInstanceOf(CircuitOpenException.class)
          .hasMessageContaining("InternalServerError")
          .hasCauseInstanceOf(TransientException.class);
      assertThat(server.getRequestCount()).isEqualTo(25);
      assertThat(sage.requestsSent()).isEqualTo(25);
      sage.close();
    }
  }
}
