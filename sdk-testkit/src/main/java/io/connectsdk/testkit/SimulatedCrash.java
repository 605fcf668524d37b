package io.connectsdk.testkit;

/**
 * The process dying at a scripted point (see {@link FaultScript#crashAfterRecords}). An
 * {@link Error}, not an exception: the sync engine isolates a write call that throws an exception as
 * a poison record and goes on, while nothing catches an error, so the run stops right there as a
 * killed process would, and the test reruns the job to see what a restarted process does.
 */
public final class SimulatedCrash extends Error {
  private static final long serialVersionUID = 1L;

  public SimulatedCrash(String message) {
    super(message);
  }
}
