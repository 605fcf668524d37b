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
import com.fasterxml.jackson.databind.node.MissingNode;
import io.connectsdk.http.ErrorTable;
import io.connectsdk.http.HttpError;
import io.connectsdk.http.JsonResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SageErrorsTest {
  private final ErrorTable table = SageErrors.table("sage300", Map.of());

  private HttpError classify(ErrorTable t, int status, JsonNode body) {
    return t.classify(JsonResponse.of(status, body == null ? MissingNode.getInstance() : body));
  }

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
    HttpError e = classify(table, status, body(code));
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.message()).isEqualTo("text of " + code);
  }

  @Test
  void classify_emptyOrHtmlBody_usesStatus() {
    HttpError e = classify(table, 502, null);
    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(e.code()).isEqualTo("HTTP502");
    assertThat(SageErrors.isNotFound(classify(table, 404, null))).isTrue();
  }

  @Test
  void classify_overriddenCode_usesOverride() {
    ErrorTable custom = SageErrors.table("sage300", Map.of("General", ErrorKind.TRANSIENT));
    assertThat(classify(custom, 409, body("General")).kind())
        .isEqualTo(ErrorKind.TRANSIENT);
  }

  @Test
  void isRecordLevel_recordRejectionsOnly() {
    assertThat(classify(table, 400, body("RecordInvalid")).recordLevel()).isTrue();
    assertThat(classify(table, 409, body("FieldInvalid")).recordLevel()).isTrue();
    assertThat(classify(table, 404, body("ResourceNotFound")).recordLevel()).isFalse();
    assertThat(classify(table, 500, body("SessionError")).recordLevel()).isFalse();
  }

  @Test
  void toException_mapsKindToType() {
    SageClient client = new SageClient(io.connectsdk.http.JsonClient.builder("sage300",
        io.connectsdk.http.Endpoint.of("https://erp.example.com/")).build(), table,
        io.connectsdk.core.resilience.ResiliencePolicy.none());
    assertThat(client.toException(classify(table, 429, body("TooManyRequests")), "GET x"))
        .isInstanceOf(RateLimitedException.class);
    assertThat(client.toException(classify(table, 503, body("SessionError")), "GET x"))
        .isInstanceOf(TransientException.class).isNotInstanceOf(RateLimitedException.class);
    assertThat(client.toException(classify(table, 401, null), "GET x"))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("credentials");
    assertThat(client.toException(classify(table, 403, body("Forbidden")), "GET x"))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("Web API");
    assertThat(client.toException(classify(table, 400, body("InvalidParameters")), "GET x"))
        .isInstanceOf(PermanentException.class).hasMessageContaining("InvalidParameters");
    client.close();
  }

  @Test
  void failure_200WithSessionErrorBody_isClassifiedByItsCode() {
    HttpError e = table.failure(JsonResponse.of(200, body("SessionError"))).orElseThrow();
    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
  }
}
