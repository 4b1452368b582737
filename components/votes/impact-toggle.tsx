'use client';

import type { Voting } from './use-voting';

/** Colours each card by its mean impact (the votes this reader may see), or stops. */
export function ImpactToggle({ voting }: { voting: Voting }) {
  return (
    <button
      type="button"
      className="button button--quiet"
      aria-pressed={voting.colouring}
      onClick={() => voting.setColouring(!voting.colouring)}
    >
      Colour by impact
    </button>
  );
}
