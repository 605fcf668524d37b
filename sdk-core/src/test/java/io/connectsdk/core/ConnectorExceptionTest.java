package io.connectsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectorExceptionTest {

  @Test
  void kind_eachSubtype_classifiedAndRetryability() {
    assertThat(new TransientException("x", "m").kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(new RateLimitedException("x", "m", Duration.ofSeconds(2)).isRetryable()).isTrue();
    assertThat(new AuthenticationException("x", "m").isRetryable()).isFalse();
    assertThat(new PermanentException("x", "m").kind()).isEqualTo(ErrorKind.PERMANENT);
  }

  @Test
  void rateLimited_negativeWait_rejected() {
    assertThatThrownBy(() -> new RateLimitedException("x", "m", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
