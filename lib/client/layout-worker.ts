import { layoutGraph, type LayoutDirection, type LayoutInput } from '../domain/layout';

/**
 * Runs ELK off the main thread: a 1,000-node layout takes about half a
 * second, long enough to freeze panning and typing if it ran in the page.
 */

type Request = { id: number; input: LayoutInput; direction: LayoutDirection };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage: (message: unknown) => void;
};

// elkjs's bundle, started in a worker, takes the worker's `onmessage` for
// its own messages (kieler/elkjs#141): when that happened in the first
// request, every later one went to ELK and was never answered, so
// Auto-layout worked once per page. Start ELK (an empty layout) before
// listening.
void layoutGraph({ nodes: [], edges: [] });

scope.onmessage = (event) => {
  const { id, input, direction } = event.data;
  layoutGraph(input, direction).then(
    (positions) => scope.postMessage({ id, positions: [...positions] }),
    (error: unknown) =>
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
