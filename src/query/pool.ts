// **pool** runs queries on a few worker threads, each holding the dataset: both cores answer at once, a
// query past its time limit is stopped by terminating its thread, and a full pool says so at once.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../paths.js';

export interface WorkerRequest {
  readonly id: number;
  readonly sparql: string;
  readonly mediaType: string;
  readonly maxResults: number;
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly body: string }
  | { readonly id: number; readonly ok: false; readonly status: number; readonly message: string };

export interface QueryPoolOptions {
  /** The dataset, as N-Quads text (named graphs allowed): each worker parses it once at start. */
  readonly nquads: string;
  /** Worker threads, i.e. queries running at once. */
  readonly workers: number;
  /** Queries waiting for a worker before the pool refuses more. */
  readonly maxQueue: number;
  readonly timeoutMs: number;
  readonly maxResults: number;
  /** The worker module (default the compiled worker.js); tests pass one that fails. */
  readonly workerFile?: string | URL;
}

/** Why a query did not give an answer, with the HTTP status that says so. */
export class QueryRefused extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

interface Job {
  readonly request: WorkerRequest;
  readonly resolve: (body: string) => void;
  readonly reject: (error: QueryRefused) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  /** The worker has loaded the dataset and the engine (it says so once). */
  ready: boolean;
  timer: NodeJS.Timeout | undefined;
}

const workerFile = path.join(packageRoot, 'lib', 'query', 'worker.js');
/** Workers failing to start, in a row, before the pool stops starting them and refuses every query. */
const MAX_START_FAILURES = 3;

export class QueryPool {
  readonly #options: QueryPoolOptions;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 0;
  #closed = false;
  #startFailures = 0;
  /** Set once workers keep failing to start: every query gets this answer. */
  #broken: QueryRefused | undefined;

  constructor(options: QueryPoolOptions) {
    this.#options = options;
    for (let i = 0; i < options.workers; i++) this.#slots.push(this.#spawn());
  }

  /** Runs a query and resolves with the serialized answer; rejects with a QueryRefused. */
  run(sparql: string, mediaType: string): Promise<string> {
    if (this.#closed) return Promise.reject(new QueryRefused(503, 'the server is shutting down'));
    if (this.#broken) return Promise.reject(this.#broken);
    const busy = this.#slots.every((slot) => slot.job || !slot.ready);
    if (busy && this.#queue.length >= this.#options.maxQueue) {
      return Promise.reject(new QueryRefused(503, 'too many queries at once; try again shortly'));
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ request: { id: this.#nextId++, sparql, mediaType, maxResults: this.#options.maxResults }, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new QueryRefused(503, 'the server is shutting down'));
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  #spawn(): Slot {
    const worker = new Worker(this.#options.workerFile ?? workerFile, { workerData: { nquads: this.#options.nquads } });
    const slot: Slot = { worker, job: undefined, ready: false, timer: undefined };
    slot.worker.on('message', (reply: WorkerReply | { ready: true }) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.#startFailures = 0;
        this.#dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.request.id !== reply.id) return;
      clearTimeout(slot.timer);
      slot.job = undefined;
      this.#dispatch();
      if (reply.ok) job.resolve(reply.body);
      else job.reject(new QueryRefused(reply.status, reply.message));
    });
    slot.worker.on('error', (error) => {
      // A worker that cannot start would be replaced by one that cannot either, at full speed: give up instead.
      if (slot.ready || ++this.#startFailures < MAX_START_FAILURES) this.#replace(slot, new QueryRefused(500, `query worker failed: ${error.message}`));
      else this.#giveUp(`the query engine failed to start: ${error.message}`);
    });
    slot.worker.unref();
    return slot;
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.job || !slot.ready) continue;
      const job = this.#queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => {
        this.#replace(slot, new QueryRefused(504, `the query ran over the time limit of ${this.#options.timeoutMs / 1000} s and was stopped`));
      }, this.#options.timeoutMs);
      slot.worker.postMessage(job.request);
    }
  }

  /** Stops a worker for real (a timed-out or crashed query) and starts a fresh one in its place. */
  #replace(slot: Slot, reason: QueryRefused): void {
    this.#stop(slot, reason);
    const index = this.#slots.indexOf(slot);
    if (this.#closed || this.#broken || index < 0) return;
    this.#slots[index] = this.#spawn();
    this.#dispatch();
  }

  /** Stops every worker and answers the waiting and all later queries with a 500 that says why. */
  #giveUp(message: string): void {
    this.#broken = new QueryRefused(500, message);
    for (const slot of this.#slots) this.#stop(slot, this.#broken);
    for (const job of this.#queue.splice(0)) job.reject(this.#broken);
  }

  #stop(slot: Slot, reason: QueryRefused): void {
    clearTimeout(slot.timer);
    slot.job?.reject(reason);
    slot.job = undefined;
    void slot.worker.terminate();
  }
}
