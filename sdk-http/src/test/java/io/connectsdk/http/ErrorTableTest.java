package io.connectsdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Json;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.RateLimitedException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorTableTest {
  private static Optional<ErrorBody> read(JsonNode body) {
    JsonNode e = body.path("error");
    return e.isObject() ? Optional.of(new ErrorBody(e.path("code").asText(""),
        e.path("message").asText(""))) : Optional.empty();
  }

  private final ErrorTable table = ErrorTable.builder("erp", ErrorTableTest::read)
      .code("SessionError", ErrorKind.TRANSIENT).code("RecordInvalid", ErrorKind.PERMANENT)
      .recordLevel("RecordInvalid").build();

  private static JsonResponse response(int status, String json) throws Exception {
    return JsonResponse.of(status, Json.mapper().readTree(json));
  }

  @Test
  void failure_200WithErrorBody_isClassifiedByItsCode() throws Exception {
    HttpError e = table.failure(response(200, "{\"error\":{\"code\":\"SessionError\"}}")).orElseThrow();
    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(table.failure(response(200, "{\"value\":[]}"))).isEmpty();
  }

  @Test
  void classify_codeFirstStatusSecond() throws Exception {
    assertThat(table.classify(response(500, "{\"error\":{\"code\":\"RecordInvalid\"}}")).kind())
        .isEqualTo(ErrorKind.PERMANENT);
    assertThat(table.classify(response(503, "{}")).kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(table.classify(response(429, "{}")).kind()).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(table.classify(response(401, "{}")).kind()).isEqualTo(ErrorKind.AUTHENTICATION);
    assertThat(table.classify(response(404, "{}")).code()).isEqualTo("HTTP404");
  }

  @Test
  void classify_recordLevel_byCodeOrStatus() throws Exception {
    assertThat(table.classify(response(400, "{\"error\":{\"code\":\"RecordInvalid\"}}"))
        .recordLevel()).isTrue();
    assertThat(table.classify(response(409, "{}")).recordLevel()).isTrue();
    assertThat(table.classify(response(400, "{}")).recordLevel()).isFalse();
  }

  @Test
  void classify_serverText_isRedactedAndTruncated() throws Exception {
    String big = "Authorization: Basic V0VCQVBJOmh1bnRlcjI= " + "y".repeat(1 << 20);
    HttpError e = table.classify(JsonResponse.of(400, Json.object().set("error",
        Json.object().put("code", "General").put("message", big))));
    assertThat(e.message()).doesNotContain("V0VCQVBJOmh1bnRlcjI=");
    assertThat(e.message().length()).isLessThan(1100);
  }

  @Test
  void toException_carriesKindAndRetryAfter() throws Exception {
    assertThat(table.toException(table.classify(response(429, "{}")), "GET /x"))
        .isInstanceOf(RateLimitedException.class);
    assertThat(table.toException(table.classify(response(400, "{}")), "GET /x"))
        .isInstanceOf(PermanentException.class).hasMessageContaining("GET /x failed");
  }
}
