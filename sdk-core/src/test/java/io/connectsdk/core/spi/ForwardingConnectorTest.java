package io.connectsdk.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.connectsdk.core.Entity;
import io.connectsdk.core.EntityType;
import io.connectsdk.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardingConnectorTest {

  /** Records which calls reached it. */
  private static final class Recorder implements Connector {
    final List<String> calls = new ArrayList<>();

    @Override
    public String system() {
      return "rec";
    }

    @Override
    public Map<EntityType, Capabilities> capabilities() {
      calls.add("capabilities");
      return Map.of(EntityType.ITEM, Capabilities.readWrite(5));
    }

    @Override
    public Page readChanges(EntityType type, Cursor cursor, int limit) {
      calls.add("readChanges " + type + " " + limit);
      return Page.last(List.of(), cursor);
    }

    @Override
    public Optional<Entity> get(EntityType type, String id) {
      calls.add("get " + id);
      return Optional.empty();
    }

    @Override
    public List<Entity> find(EntityType type, String field, String value) {
      calls.add("find " + field + "=" + value);
      return List.of();
    }

    @Override
    public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
      calls.add("write " + requests.size());
      return List.of(WriteResult.unchanged("i1", null));
    }

    @Override
    public void close() {
      calls.add("close");
    }
  }

  @Test
  void everyCall_noOverrides_reachesDelegate() {
    Recorder rec = new Recorder();
    Connector c = new ForwardingConnector(rec) {};

    c.capabilities();
    c.readChanges(EntityType.ITEM, Cursor.BEGINNING, 7);
    c.get(EntityType.ITEM, "i1");
    c.find(EntityType.ITEM, "sku", "A-1");
    c.write(EntityType.ITEM, List.of(WriteRequest.upsert(Optional.empty(), Json.object(), "s", "k")));
    c.close();

    assertThat(c.system()).isEqualTo("rec");
    assertThat(c.capabilities(EntityType.ITEM).maxBatchSize()).isEqualTo(5);
    assertThat(rec.calls).containsExactly("capabilities", "readChanges item 7", "get i1",
        "find sku=A-1", "write 1", "close", "capabilities");
  }

  @Test
  void write_overridden_decoratesAndStillForwards() {
    Recorder rec = new Recorder();
    List<Integer> sizes = new ArrayList<>();
    Connector c = new ForwardingConnector(rec) {
      @Override
      public List<WriteResult> write(EntityType type, List<WriteRequest> requests) {
        sizes.add(requests.size());
        return super.write(type, requests);
      }
    };

    c.write(EntityType.ITEM, List.of(WriteRequest.upsert(Optional.empty(), Json.object(), "s", "k")));

    assertThat(sizes).containsExactly(1);
    assertThat(rec.calls).containsExactly("write 1");
  }
}
