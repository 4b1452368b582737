'use client';

import { layoutGraph, type LayoutDirection, type LayoutInput } from '../domain/layout';

type Reply = { id: number; positions?: [string, { x: number; y: number }][]; error?: string };

let worker: Worker | null | undefined;
let counter = 0;
const waiting = new Map<
  number,
  { resolve: (p: Map<string, { x: number; y: number }>) => void; reject: (e: Error) => void }
>();

function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const pending = waiting.get(event.data.id);
      if (!pending) return;
      waiting.delete(event.data.id);
      if (event.data.positions) pending.resolve(new Map(event.data.positions));
      else pending.reject(new Error(event.data.error ?? 'The layout failed'));
    };
    worker.onerror = () => {
      // A worker that cannot start: lay out on the main thread from now on.
      worker?.terminate();
      worker = null;
      for (const [, pending] of waiting) pending.reject(new Error('The layout worker stopped'));
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Lays a graph out in a web worker, or on the main thread where workers are unavailable. */
export async function layoutInBackground(
  input: LayoutInput,
  direction: LayoutDirection,
): Promise<Map<string, { x: number; y: number }>> {
  const target = typeof Worker === 'undefined' ? null : layoutWorker();
  if (!target) return layoutGraph(input, direction);
  const id = ++counter;
  try {
    return await new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      target.postMessage({ id, input, direction });
    });
  } catch {
    return layoutGraph(input, direction);
  }
}
