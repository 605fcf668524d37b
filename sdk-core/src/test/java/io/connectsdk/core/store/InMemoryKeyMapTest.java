package io.connectsdk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.EntityType;
import io.connectsdk.core.RecordRef;
import org.junit.jupiter.api.Test;

class InMemoryKeyMapTest {
  private final RecordRef bng = new RecordRef("bng", EntityType.CUSTOMER, "cus_1");
  private final RecordRef sage = new RecordRef("sage300", EntityType.CUSTOMER, "1200");

  @Test
  void lookup_afterLink_findsBothDirections() {
    KeyMap map = new InMemoryKeyMap();

    map.link(bng, sage);

    assertThat(map.lookup(bng, "sage300")).contains(sage);
    assertThat(map.lookup(sage, "bng")).contains(bng);
    assertThat(map.lookup(bng, "salesforce")).isEmpty();
  }

  @Test
  void link_sameSideRelinked_replacesOldLinkBothWays() {
    KeyMap map = new InMemoryKeyMap();
    RecordRef other = new RecordRef("sage300", EntityType.CUSTOMER, "1300");

    map.link(bng, sage);
    map.link(bng, other);

    assertThat(map.lookup(bng, "sage300")).contains(other);
    assertThat(map.lookup(sage, "bng")).isEmpty();
  }

  @Test
  void unlink_removesBothDirections() {
    KeyMap map = new InMemoryKeyMap();
    map.link(bng, sage);

    map.unlink(sage);

    assertThat(map.lookup(bng, "sage300")).isEmpty();
    assertThat(map.lookup(sage, "bng")).isEmpty();
  }

  @Test
  void link_sameSystem_rejected() {
    assertThatThrownBy(() -> new InMemoryKeyMap().link(bng, new RecordRef("bng", EntityType.CUSTOMER, "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
