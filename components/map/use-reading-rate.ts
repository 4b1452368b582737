'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { READING_RATES } from '@/lib/domain/evidence/card';

/** How fast this reader reads cards aloud, in words a minute, remembered in this browser. */

const KEY = 'counterpoint.readingRate';
const DEFAULT_RATE = 250;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function stored(): number {
  try {
    const rate = Number(window.localStorage.getItem(KEY));
    return (READING_RATES as readonly number[]).includes(rate) ? rate : DEFAULT_RATE;
  } catch {
    return DEFAULT_RATE;
  }
}

export function useReadingRate(): [number, (rate: number) => void] {
  const rate = useSyncExternalStore(subscribe, stored, () => DEFAULT_RATE);
  const setRate = useCallback((next: number) => {
    try {
      window.localStorage.setItem(KEY, String(next));
    } catch {
      // A browser that keeps nothing (private mode, full storage) stays at the default rate.
    }
    for (const listener of listeners) listener();
  }, []);
  return [rate, setRate];
}
