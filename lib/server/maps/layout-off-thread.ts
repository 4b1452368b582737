import 'server-only';
import { Worker } from 'node:worker_threads';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { elkGraph, positionsOf, type LayoutInput } from '../../domain/layout';
import { AppError } from '../errors';

/**
 * What one server-side layout may use before it is given up: ELK on a dense
 * graph of a few dozen nodes can run for minutes or exhaust the heap, and a
 * request must never hold the server's thread or memory for that.
 */
export type LayoutBudget = { ms: number; heapMb: number };
const LAYOUT_BUDGET: LayoutBudget = { ms: 15_000, heapMb: 256 };

/** Layouts waiting behind the one running, per process, before more are refused. */
const MAX_WAITING = 3;

/**
 * The worker's whole program. It is evaluated rather than loaded from a
 * file, so the bundler has nothing to rewrite; `require` resolves from the
 * app's folder, where `npm start` runs.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ELK = require('elkjs/lib/elk.bundled.js');
new ELK().layout(workerData).then(
  (result) => parentPort.postMessage({ result }),
  (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
);
`;

const tooComplex = () =>
  new AppError(
    'VALIDATION_FAILED',
    'The map is too tangled to lay out on the server. Give its nodes positions, or import it in smaller parts.',
  );

/** Runs ELK on `graph` in a worker thread within `budget`; the worker is ended when it overruns. */
function runWorker(graph: ElkNode, budget: LayoutBudget): Promise<ElkNode> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: graph,
      resourceLimits: { maxOldGenerationSizeMb: budget.heapMb },
    });
    let settled = false;
    // Answered once the worker has ended, so the next layout never runs
    // beside one still shutting down.
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().finally(outcome);
    };
    const timer = setTimeout(() => settle(() => reject(tooComplex())), budget.ms);
    worker.on('message', (message: { result?: ElkNode; error?: string }) =>
      settle(() =>
        message.result ? resolve(message.result) : reject(new Error(`ELK: ${message.error}`)),
      ),
    );
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or any other end without an answer.
    worker.on('error', (error: NodeJS.ErrnoException) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex() : error)),
    );
    worker.on('exit', () => settle(() => reject(tooComplex())));
  });
}

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

/**
 * Lays out `input` (conclusions at the top, each section's cards together:
 * `elkGraph`) off the request thread: one
 * layout at a time per process, each within `budget`. Refused with 429 when
 * too many are already waiting, and with 400 when the graph overruns the
 * budget.
 */
export async function layoutOffThread(
  input: LayoutInput,
  budget: LayoutBudget = LAYOUT_BUDGET,
): Promise<Map<string, { x: number; y: number }>> {
  if (waiting > MAX_WAITING)
    throw new AppError(
      'RATE_LIMITED',
      'The server is laying out other imports right now. Try again in a minute.',
      { retryAfterSeconds: 30 },
    );
  const graph = elkGraph(input, 'UP');
  waiting++;
  try {
    const turn = queue.then(() => runWorker(graph, budget));
    queue = turn.catch(() => undefined);
    return positionsOf(await turn);
  } finally {
    waiting--;
  }
}
