package io.connectsdk.simulators.sage300;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Sage300SimulatorAuthTest {
  private Sage300Simulator sim;

  @BeforeEach
  void start() {
    sim = Sage300Simulator.builder()
        .user("SYNC", "s3cret", true)
        .user("ADMIN", "ADMIN", false)
        .build()
        .start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void request_rightUserCaseInsensitiveName_ok() throws IOException {
    assertThat(new SimHttp(sim).as("sync", "s3cret").get("AR/ARCustomers").status()).isEqualTo(200);
  }

  @Test
  void request_wrongPassword_unauthorizedWithExactBody() throws IOException {
    SimHttp.Result r = new SimHttp(sim).as("SYNC", "S3CRET").get("AR/ARCustomers");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.text()).isEqualTo("{\"error\":{\"code\":\"Unauthorized\",\"message\":"
        + "{\"lang\":\"en-US\",\"value\":\"Invalid user ID or password.\"}}}");
    assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Sage300WebApi\"");
    assertThat(r.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void request_noCredentialsOrUnknownUser_unauthorized() throws IOException {
    assertThat(new SimHttp(sim).as(null, null).get("AR/ARCustomers").errorCode())
        .isEqualTo("Unauthorized");
    assertThat(new SimHttp(sim).as("WEBAPI", "WEBAPI").get("AR/ARCustomers").status())
        .isEqualTo(401);
  }

  @Test
  void request_userWithoutWebApiRight_forbidden() throws IOException {
    SimHttp.Result r = new SimHttp(sim).as("ADMIN", "ADMIN").get("AR/ARCustomers");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("Forbidden");
  }

  @Test
  void request_missingContentType_internalServerError() throws IOException {
    SimHttp.Result r = new SimHttp(sim).as("SYNC", "s3cret").withoutContentType()
        .get("AR/ARCustomers");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.errorCode()).isEqualTo("InternalServerError");
    assertThat(sim.count("AR", "ARCustomers")).isZero();
  }

  @Test
  void defaults_webapiUserAllowedAdminForbidden() throws IOException {
    try (Sage300Simulator plain = Sage300Simulator.builder().build().start()) {
      assertThat(new SimHttp(plain).get("AR/ARCustomers").status()).isEqualTo(200);
      assertThat(new SimHttp(plain).as("ADMIN", "ADMIN").get("AR/ARCustomers").status())
          .isEqualTo(403);
    }
  }

  @Test
  void builder_badValues_rejected() {
    Sage300Simulator.Builder b = Sage300Simulator.builder();
    assertThatThrownBy(() -> b.pageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxConcurrentRequests(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.duplicateStatus(500)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.tooManyRequestsStatus(500))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.companies()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.user("A:B", "x", true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.retryAfter(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.locationDetailsResource("IC/X"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.start()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sim.put("AR", "ARCustomers", SimJson.object()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.records("AR", "Nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
