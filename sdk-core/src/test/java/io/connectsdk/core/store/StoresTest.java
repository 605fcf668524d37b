package io.connectsdk.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.connectsdk.core.spi.Cursor;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoresTest {

  @Test
  void builder_keepsGivenStoresAndFillsTheRest() {
    InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();

    Stores stores = Stores.builder().checkpoints(checkpoints).build();

    assertThat(stores.checkpoints()).isSameAs(checkpoints);
    assertThat(stores.keyMap()).isInstanceOf(InMemoryKeyMap.class);
    assertThat(stores.ledger()).isInstanceOf(InMemoryWriteLedger.class);
    assertThat(stores.deadLetters()).isInstanceOf(InMemoryDeadLetterQueue.class);
    assertThat(Stores.inMemory().keyMap()).isNotSameAs(Stores.inMemory().keyMap());
  }

  @Test
  void checkpointStore_saveReplacesPerJob() {
    InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    Instant t = Instant.parse("2026-11-22T10:00:00Z");
    store.save(new Checkpoint("a", Cursor.of("1"), t));
    store.save(new Checkpoint("a", Cursor.of("2"), t));
    store.save(new Checkpoint("b", Cursor.of("9"), t));

    assertThat(store.load("a").orElseThrow().cursor()).isEqualTo(Cursor.of("2"));
    assertThat(store.load("b").orElseThrow().cursor()).isEqualTo(Cursor.of("9"));
    assertThat(store.load("c")).isEmpty();
    assertThatThrownBy(() -> new Checkpoint("", Cursor.BEGINNING, t))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
