package io.connectsdk.core.store;

/**
 * A run lost its claim on its job: another run claimed the job since (another node took it over
 * while this one was paused). The run stops and writes nothing more; the other run owns the job.
 */
public final class LeaseLostException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public LeaseLostException(String jobId, long epoch, long current) {
    super("job " + jobId + " was claimed by another run (epoch " + current + "); this run (epoch "
        + epoch + ") stops without saving");
  }
}
