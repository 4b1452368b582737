/**
 * Reads a map's stream (`openMapStream`) until batch `seq`'s frame (or its
 * `skip`) has come, or ten seconds have passed, then stops the stream:
 * everything read, as text.
 */
export async function readStreamThrough(
  stream: ReadableStream<Uint8Array>,
  abort: AbortController,
  seq: number,
): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 10_000;
  while (!text.includes(`id: ${seq}\n`) && Date.now() < deadline) {
    const next = await reader.read();
    if (next.done) break;
    text += decoder.decode(next.value, { stream: true });
  }
  abort.abort();
  return text;
}

/** The data of the `event` frame of batch `seq` in a stream's text, parsed (undefined: no such frame). */
export function frameData(text: string, event: string, seq: number): unknown {
  const frame = new RegExp(`id: ${seq}\nevent: ${event}\ndata: (.*)\n`).exec(text);
  return frame ? (JSON.parse(frame[1]!) as unknown) : undefined;
}
