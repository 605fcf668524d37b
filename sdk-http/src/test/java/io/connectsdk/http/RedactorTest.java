package io.connectsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void clean_echoedAuthorizationHeader_isMasked() {
    String s = Redactor.clean("bad request; headers: Authorization: Basic V0VCQVBJOmh1bnRlcjI= ok");
    assertThat(s).doesNotContain("V0VCQVBJOmh1bnRlcjI=").contains("Authorization");
  }

  @Test
  void clean_bearerAndPairs_areMasked() {
    String s = Redactor.clean("token=abc123def&x=1 {\"password\":\"pw-1\"} Bearer eyJhbGciOi.x.y");
    assertThat(s).doesNotContain("abc123def").doesNotContain("pw-1").doesNotContain("eyJhbGciOi");
  }

  @Test
  void clean_knownSecretAnywhere_isMasked() {
    assertThat(Redactor.clean("user WEBAPI with s3cr3t failed", List.of("s3cr3t")))
        .isEqualTo("user WEBAPI with *** failed");
  }

  @Test
  void clean_megabyteMessage_isCutToAboutOneKilobyte() {
    String s = Redactor.clean("x".repeat(1 << 20));
    assertThat(s.length()).isLessThan(Redactor.MAX_CHARS + 40);
    assertThat(s).endsWith("(1048576 chars)");
  }

  @Test
  void clean_null_isEmpty() {
    assertThat(Redactor.clean(null)).isEmpty();
  }
}
