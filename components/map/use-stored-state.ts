'use client';

import { useCallback, useSyncExternalStore } from 'react';

/** Who re-reads localStorage after this page wrote to it. */
const storageListeners = new Set<() => void>();
const subscribeToStorage = (listener: () => void) => {
  storageListeners.add(listener);
  return () => void storageListeners.delete(listener);
};

/**
 * A value kept in this browser's localStorage (a map's own view, or the
 * reader's for every map). The server and hydration render `initial`; the
 * browser then reads the stored value.
 */
export function useStoredState<T extends string>(
  key: string,
  initial: T,
  valid: (value: string) => value is T,
): [T, (value: T) => void] {
  const read = useCallback(() => {
    const stored = window.localStorage.getItem(key);
    return stored !== null && valid(stored) ? stored : initial;
  }, [key, initial, valid]);
  const value = useSyncExternalStore(subscribeToStorage, read, () => initial);
  const set = useCallback(
    (next: T) => {
      window.localStorage.setItem(key, next);
      for (const listener of storageListeners) listener();
    },
    [key],
  );
  return [value, set];
}

export const isOnOff = (value: string): value is 'on' | 'off' => value === 'on' || value === 'off';
