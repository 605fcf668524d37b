package io.connectsdk.sage300;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.connectsdk.core.AuthenticationException;
import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Json;
import io.connectsdk.core.PermanentException;
import io.connectsdk.core.RateLimitedException;
import io.connectsdk.core.TransientException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {
  private final ErrorClassifier classifier = new ErrorClassifier(Map.of());

  private static JsonNode body(String code) {
    return Json.object().set("error", Json.object().put("code", code)
        .set("message", Json.object().put("lang", "en-US").put("value", "text of " + code)));
  }

  @ParameterizedTest
  @CsvSource({
    "TooManyRequests,429,RATE_LIMITED", "SessionError,500,TRANSIENT", "DBLinkError,500,TRANSIENT",
    "InternalServerError,500,TRANSIENT", "Unauthorized,401,AUTHENTICATION",
    "Forbidden,403,AUTHENTICATION", "RecordInvalid,400,PERMANENT", "InvalidPayload,400,PERMANENT",
    "InvalidEntityKey,400,PERMANENT", "MethodNotAllowed,405,PERMANENT",
    "RecordNotFound,404,PERMANENT", "RecordDuplicate,409,PERMANENT", "FieldInvalid,409,PERMANENT",
    "General,409,PERMANENT", "RecordInvalid,500,PERMANENT", "Whatever,503,TRANSIENT",
    "Whatever,429,RATE_LIMITED", "Whatever,403,AUTHENTICATION", "Whatever,422,PERMANENT"
  })
  void classify_codeFirstStatusSecond(String code, int status, ErrorKind kind) {
    SageError e = classifier.classify(status, body(code), Duration.ZERO);
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.message()).isEqualTo("text of " + code);
  }

  @Test
  void classify_emptyOrHtmlBody_usesStatus() {
    SageError e = classifier.classify(502, com.fasterxml.jackson.databind.node.MissingNode
        .getInstance(), Duration.ZERO);
    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(e.code()).isEqualTo("HTTP502");
    assertThat(classifier.classify(404, null, Duration.ZERO).isNotFound()).isTrue();
  }

  @Test
  void classify_overriddenCode_usesOverride() {
    ErrorClassifier custom = new ErrorClassifier(Map.of("General", ErrorKind.TRANSIENT));
    assertThat(custom.classify(409, body("General"), Duration.ZERO).kind())
        .isEqualTo(ErrorKind.TRANSIENT);
  }

  @Test
  void isRecordLevel_recordRejectionsOnly() {
    assertThat(classifier.isRecordLevel(classifier.classify(400, body("RecordInvalid"),
        Duration.ZERO))).isTrue();
    assertThat(classifier.isRecordLevel(classifier.classify(409, body("FieldInvalid"),
        Duration.ZERO))).isTrue();
    assertThat(classifier.isRecordLevel(classifier.classify(404, body("ResourceNotFound"),
        Duration.ZERO))).isFalse();
    assertThat(classifier.isRecordLevel(classifier.classify(500, body("SessionError"),
        Duration.ZERO))).isFalse();
  }

  @Test
  void toException_mapsKindToType() {
    assertThat(ErrorClassifier.toException(classifier.classify(429, body("TooManyRequests"),
        Duration.ofSeconds(3)), "GET x")).isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter())
            .isEqualTo(Duration.ofSeconds(3)));
    assertThat(ErrorClassifier.toException(classifier.classify(503, body("SessionError"),
        Duration.ZERO), "GET x")).isInstanceOf(TransientException.class)
        .isNotInstanceOf(RateLimitedException.class);
    assertThat(ErrorClassifier.toException(classifier.classify(401, null, Duration.ZERO), "GET x"))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("credentials");
    assertThat(ErrorClassifier.toException(classifier.classify(400, body("InvalidParameters"),
        Duration.ZERO), "GET x")).isInstanceOf(PermanentException.class)
        .hasMessageContaining("InvalidParameters");
  }

  @Test
  void retryAfter_secondsOrDateOrGarbage() {
    assertThat(SageHttp.retryAfter("12")).isEqualTo(Duration.ofSeconds(12));
    assertThat(SageHttp.retryAfter("soon")).isEqualTo(Duration.ZERO);
    assertThat(SageHttp.retryAfter(null)).isEqualTo(Duration.ZERO);
    assertThat(SageHttp.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
  }
}
