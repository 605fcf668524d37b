package io.connectsdk.bng;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** A bounded queue that runs its tasks only when told to, so webhook tests need no threads. */
final class ManualQueue implements Executor {
  private final int capacity;
  private final Queue<Runnable> tasks = new ArrayDeque<>();

  ManualQueue(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public synchronized void execute(Runnable task) {
    if (tasks.size() >= capacity) {
      throw new RejectedExecutionException("queue full");
    }
    tasks.add(task);
  }

  /** Runs every queued task on the calling thread; returns how many ran. */
  int runAll() {
    int n = 0;
    for (Runnable t = poll(); t != null; t = poll()) {
      t.run();
      n++;
    }
    return n;
  }

  private synchronized Runnable poll() {
    return tasks.poll();
  }
}
