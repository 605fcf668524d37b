package io.connectsdk.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.ErrorKind;
import io.connectsdk.core.Json;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WriteResultTest {

  @Test
  void failed_carriesErrorAndIsNotSuccess() {
    WriteResult r = WriteResult.failed(WriteError.permanent("RecordInvalid", "bad"));

    assertThat(r.isSuccess()).isFalse();
    assertThat(r.error()).get().extracting(WriteError::kind).isEqualTo(ErrorKind.PERMANENT);
  }

  @Test
  void withWarnings_onFailure_rejected() {
    WriteResult failed = WriteResult.failed(WriteError.permanent("RecordInvalid", "bad"));
    assertThatThrownBy(() -> failed.withWarnings(java.util.List.of("w")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void conflict_isNotSuccessAndCarriesCurrentRecordVersion() {
    var current = io.connectsdk.core.Entity.builder(io.connectsdk.core.EntityType.CUSTOMER, "c1")
        .version(7).build();
    WriteResult r = WriteResult.conflict("c1", current);

    assertThat(r.isSuccess()).isFalse();
    assertThat(r.version()).contains("7");
    assertThat(r.withVersion("etag-8").version()).contains("etag-8");
  }

  @Test
  void writeRequest_fieldsCopiedAndHiddenInToString() {
    var fields = Json.object().put("email", "ann@example.com");
    WriteRequest req = WriteRequest.upsert(Optional.empty(), fields, "bng:customer:c1", "k1");
    fields.put("email", "changed");

    assertThat(req.fields().get("email").asText()).isEqualTo("ann@example.com");
    assertThat(req.toString()).doesNotContain("ann@");
  }

  @Test
  void writeRequest_deleteWithoutTarget_rejected() {
    assertThatThrownBy(() -> WriteRequest.builder().delete(null).sourceRef("s").idempotencyKey("k")
        .build()).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> WriteRequest.builder().sourceRef("s").build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("idempotencyKey");
  }

  @Test
  void capabilities_deleteWithoutWrite_rejected() {
    assertThatThrownBy(() -> Capabilities.builder().incrementalRead().delete().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("delete requires write");
    assertThatThrownBy(() -> Capabilities.builder().tombstones().build())
        .isInstanceOf(IllegalStateException.class);
    assertThat(Capabilities.readWrite(200).withDelete().delete()).isTrue();
  }
}
