package io.connectsdk.core.sync;

import io.connectsdk.core.store.CheckpointStore;
import io.connectsdk.core.store.DeadLetterQueue;
import io.connectsdk.core.store.KeyMap;
import io.connectsdk.core.store.Stores;
import io.connectsdk.core.store.WriteLedger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-memory stores behind proxies that count every call the engine makes to a store interface
 * ({@code "ledger.load"}, {@code "keyMap.commit"}, ...), page-level and single-record alike, as a
 * JDBC store would see round trips. Thread-safe.
 */
final class CountingStores {
  private final Map<String, Integer> calls = new TreeMap<>();
  private final Stores stores;

  CountingStores(Clock clock) {
    Stores real = Stores.inMemory(clock);
    stores = new Stores(
        counted("checkpoints", CheckpointStore.class, real.checkpoints()),
        counted("keyMap", KeyMap.class, real.keyMap()),
        counted("ledger", WriteLedger.class, real.ledger()),
        counted("deadLetters", DeadLetterQueue.class, real.deadLetters()));
  }

  Stores stores() {
    return stores;
  }

  synchronized int total() {
    return calls.values().stream().mapToInt(Integer::intValue).sum();
  }

  synchronized Map<String, Integer> calls() {
    return new TreeMap<>(calls);
  }

  synchronized void reset() {
    calls.clear();
  }

  private <T> T counted(String name, Class<T> type, T real) {
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (p, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(real, args);
          }
          synchronized (this) {
            calls.merge(name + "." + method.getName(), 1, Integer::sum);
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return type.cast(proxy);
  }
}
