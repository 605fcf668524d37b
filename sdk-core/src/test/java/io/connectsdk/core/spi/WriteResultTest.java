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
  void constructor_failedWithoutError_rejected() {
    assertThatThrownBy(() -> new WriteResult(WriteResult.Status.FAILED, Optional.empty(),
        Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
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
    assertThatThrownBy(() -> new WriteRequest(WriteRequest.Operation.DELETE, Optional.empty(),
        Json.object(), "s", "k", OptionalLong.empty())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void capabilities_deleteWithoutWrite_rejected() {
    assertThatThrownBy(() -> new Capabilities(true, true, false, true, 1, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Capabilities.readWrite(200).withDelete().delete()).isTrue();
  }
}
