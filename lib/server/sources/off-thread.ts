import 'server-only';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';

/**
 * Reading an uploaded file runs in a worker thread with a time and memory
 * budget: a hostile or broken PDF or Word file can make a parser loop or
 * balloon, and a request must never hold the server's thread or heap.
 * The worker's program is a string evaluated in the worker (as in
 * lib/server/maps/layout-off-thread.ts), so the bundler has nothing to
 * rewrite: its `require` resolves from the folder the server runs in, the
 * app's, under `next start`, vitest and tsx alike.
 */
export type ReadBudget = { ms: number; heapMb: number };

/**
 * Reads running at once per process, and reads waiting behind them before more are refused.
 * @internal Exported for the test that fills the queue.
 */
export const MAX_READS = { running: 2, waiting: 6 };

let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= MAX_READS.running) {
    if (waiting.length >= MAX_READS.waiting)
      throw new AppError(
        'RATE_LIMITED',
        'The server is reading other files right now. Try again in a minute.',
        { retryAfterSeconds: 30 },
      );
    // The read ending hands its place over, so none can be taken in between.
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}

/** What a worker program posts: its result, or the name and message of what it threw. */
type WorkerMessage<T> = { result: T } | { error: { name: string; message: string } };

/**
 * What the worker's program threw, by name. Programs name the file's own
 * faults (FILE_FAULT); anything else (a module that did not load) is ours.
 */
export class WorkerFailure extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

function runWorker<T>(
  program: string,
  workerData: unknown,
  budget: ReadBudget,
  overrun: () => AppError,
): Promise<T & { threadId: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(program, {
      eval: true,
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: budget.heapMb },
    });
    const threadId = worker.threadId;
    let settled = false;
    // Answered once the worker has ended, so its memory is free before the next read.
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().finally(outcome);
    };
    const timer = setTimeout(() => settle(() => reject(overrun())), budget.ms);
    worker.on('message', (message: WorkerMessage<T>) =>
      settle(() =>
        'result' in message
          ? resolve({ ...message.result, threadId })
          : reject(new WorkerFailure(message.error.name, message.error.message)),
      ),
    );
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or any other end without an answer.
    worker.on('error', (error: NodeJS.ErrnoException) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? overrun() : error)),
    );
    worker.on('exit', () => settle(() => reject(overrun())));
  });
}

/**
 * Runs `program` on `workerData` in a worker thread within `budget`, at most
 * MAX_READS.running at a time; `overrun` is the error for a read that ran out of
 * time or memory. The result carries the worker's thread id (never the
 * caller's).
 */
export async function readOffThread<T>(
  program: string,
  workerData: unknown,
  budget: ReadBudget,
  overrun: () => AppError,
): Promise<T & { threadId: number }> {
  const done = await turn();
  try {
    return await runWorker<T>(program, workerData, budget, overrun);
  } finally {
    done();
  }
}

/** The name a worker program gives to what the file's bytes made the parser throw. */
export const FILE_FAULT = 'FileFault';

/**
 * The worker's frame around `body` (the source of an async function of
 * `workerData` returning a structured-cloneable result): posts the result,
 * or the name and message of what was thrown. `body` passes what the
 * file's parsing throws through `fileFault` (a catch handler), so that it
 * is told from a failure of the program itself.
 */
export const workerProgram = (body: string): string => `
const { parentPort, workerData } = require('node:worker_threads');
const fileFault = (error) => {
  const fault = new Error(String((error && error.message) || error));
  fault.name = (error && error.name === 'PasswordException') ? 'PasswordException' : '${FILE_FAULT}';
  throw fault;
};
(async () => {
${body}
})().then(
  (result) => parentPort.postMessage({ result }),
  (error) => parentPort.postMessage({
    error: { name: String((error && error.name) || 'Error'), message: String((error && error.message) || error) },
  }),
);
`;
