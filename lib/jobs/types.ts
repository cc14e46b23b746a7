/**
 * The job interface both engines implement: BullMQ on Redis (any instance's worker takes a job) and an
 * in-process runner (the embedded default). A job's state lives in the database; the engine only decides
 * which process runs the handler and when, and runs it again when a worker died.
 */

export interface JobContext {
  /** Aborted when the job is cancelled in this process or the runner closes. */
  readonly signal: AbortSignal;
}

/** `done`: the job ended (or is not this runner's to run); `later`: it may not start yet (its user's quota is full). */
export type JobOutcome = 'done' | 'later';

export type JobHandler = (jobId: string, ctx: JobContext) => Promise<JobOutcome>;

export interface JobRunner {
  readonly kind: 'memory' | 'bullmq';
  /** Queues the job; queuing one already queued or running does nothing. */
  enqueue(jobId: string): Promise<void>;
  /**
   * Queues the job again for any worker: its run under `attempt` stopped beating (its worker died). With
   * the job's first queue entry maybe still held by the dead worker, this is an entry of its own, one per attempt.
   */
  takeOver(jobId: string, attempt: number): Promise<void>;
  /** Stops the job's handler if it runs in this process; other processes stop at their next heartbeat or step. */
  abort(jobId: string): void;
  /** A job ended: jobs waiting for quota may start now. */
  wake(): void;
  /** Stops taking jobs and aborts the running ones (they resume elsewhere, or on the next start). */
  close(): Promise<void>;
}

/** The abort reason when a runner closes: the job is not cancelled, it continues elsewhere or later. */
export class RunnerClosing extends Error {
  override readonly name = 'RunnerClosing';
  constructor() {
    super('The job runner is closing.');
  }
}
