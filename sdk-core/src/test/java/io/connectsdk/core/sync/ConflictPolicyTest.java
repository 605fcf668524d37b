package io.connectsdk.core.sync;

import static io.connectsdk.core.sync.TestData.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConflictPolicyTest {
  private final ConflictPolicy policy = ConflictPolicy.systemOfRecord()
      .owns("sage300", "credit_limit", "terms").owns("crm", "phone").build();

  @Test
  void removeForeignFields_otherSystemsFieldsRemoved() {
    var fields = obj("name", "Acme", "credit_limit", 5, "terms", "NET30", "phone", "1");

    assertThat(names(policy.removeForeignFields("crm", fields)))
        .containsExactly("credit_limit", "terms");
    assertThat(fields).isEqualTo(obj("name", "Acme", "phone", "1"));
  }

  @Test
  void removeForeignFields_ownerKeepsItsFields() {
    var fields = obj("name", "Acme", "credit_limit", 5, "phone", "1");

    assertThat(names(policy.removeForeignFields("sage300", fields))).containsExactly("phone");
    assertThat(fields).isEqualTo(obj("name", "Acme", "credit_limit", 5));
  }

  private static List<String> names(ObjectNode removed) {
    List<String> names = new ArrayList<>();
    removed.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void owns_secondOwnerForOneField_rejected() {
    assertThatThrownBy(() -> ConflictPolicy.systemOfRecord().owns("a", "x").owns("b", "x"))
        .isInstanceOf(IllegalStateException.class).hasMessage("x is already owned by a");
    assertThatThrownBy(() -> ConflictPolicy.systemOfRecord().owns("a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaults_noneDropsNothingAndLastWriterWinsReadsTarget() {
    var fields = obj("credit_limit", 5);
    assertThat(names(ConflictPolicy.none().removeForeignFields("crm", fields))).isEmpty();
    assertThat(ConflictPolicy.none().isLastWriterWins()).isFalse();
    assertThat(ConflictPolicy.lastWriterWins().isLastWriterWins()).isTrue();
    assertThat(policy.owner("terms")).contains("sage300");
    assertThat(policy.owner("name")).isEmpty();
  }
}
