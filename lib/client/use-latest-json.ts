'use client';

import { useCallback, useRef, useState } from 'react';

/**
 * A JSON view of the server's, fetched again on `refresh` (when the stream
 * says it changed): a slower answer never replaces a newer one, and a
 * failed fetch keeps what is shown (offline, the stream's next catch-up
 * asks again).
 */
export function useLatestJson<T>(
  url: string,
  headers: Record<string, string> | undefined,
  initial: T,
): [T, () => Promise<void>] {
  const [value, setValue] = useState<T>(initial);
  const asked = useRef(0);
  const refresh = useCallback(async () => {
    const ask = ++asked.current;
    try {
      const response = await fetch(url, { headers });
      if (!response.ok || ask !== asked.current) return;
      const next = (await response.json()) as T;
      if (ask === asked.current) setValue(next);
    } catch {
      // Offline: the stream's next catch-up asks again.
    }
  }, [url, headers]);
  return [value, refresh];
}
