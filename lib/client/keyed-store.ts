import { useCallback, useSyncExternalStore } from 'react';

/**
 * One value per key (per node, say), read with a selector: a reader of one
 * key is told only when that key's value changes, and an unchanged value
 * keeps its reference, so React skips everyone else. The idea of xyflow's
 * performance guidance: what changes often (who has which card selected,
 * its badges) stays out of the nodes' `data`, which would re-render them all.
 */
export class KeyedStore<V> {
  private values = new Map<string, V>();
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(
    private readonly empty: V,
    private readonly same: (a: V, b: V) => boolean,
  ) {}

  get(key: string): V {
    return this.values.get(key) ?? this.empty;
  }

  subscribe(key: string, listener: () => void): () => void {
    let forKey = this.listeners.get(key);
    if (!forKey) this.listeners.set(key, (forKey = new Set()));
    forKey.add(listener);
    return () => {
      forKey.delete(listener);
      if (!forKey.size) this.listeners.delete(key);
    };
  }

  /** Takes every value from `next` (missing keys are empty) and tells the readers of the keys that changed. */
  replace(next: ReadonlyMap<string, V>): void {
    const before = this.values;
    const after = new Map<string, V>();
    const changed: string[] = [];
    for (const [key, value] of next) {
      const old = before.get(key);
      const kept = old !== undefined && this.same(old, value);
      after.set(key, kept ? old : value);
      if (!kept) changed.push(key);
    }
    for (const key of before.keys()) if (!next.has(key)) changed.push(key);
    this.values = after;
    for (const key of changed) for (const listener of this.listeners.get(key) ?? []) listener();
  }
}

const noSubscription = () => () => {};

/** One key's value, re-rendering only when it changes; `empty` when there is no store (a card drawn on its own). */
export function useKeyedValue<V>(store: KeyedStore<V> | null, key: string, empty: V): V {
  const subscribe = useCallback(
    (listener: () => void) => store?.subscribe(key, listener) ?? noSubscription(),
    [store, key],
  );
  const read = () => (store ? store.get(key) : empty);
  return useSyncExternalStore(subscribe, read, read);
}
