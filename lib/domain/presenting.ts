import { z } from 'zod';

const coordinate = z.number().finite().min(-1e7).max(1e7);

/**
 * What a presenter's tab sends: the part of the map it shows (a rectangle
 * in map coordinates, so a reader's screen of another size can fit the same
 * part: its centre and extent, not the raw transform), the card it has
 * selected and the card it spotlights.
 */
export const ZPresentingInput = z.object({
  /** The presenting tab (one per tab, as for presence). */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/),
  /** The tab's count of its updates: a late one is told from a newer one. */
  n: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  /** False: the presenter stopped, and readers stop following. */
  active: z.boolean(),
  view: z
    .object({
      x: coordinate,
      y: coordinate,
      width: z.number().finite().positive().max(1e7),
      height: z.number().finite().positive().max(1e7),
    })
    .nullable()
    .default(null),
  selection: z.string().max(64).nullable().default(null),
  spotlight: z.string().max(64).nullable().default(null),
});

export type PresentingInput = z.infer<typeof ZPresentingInput>;

/** What every reader of the map hears: the input, who sends it and when. */
export type PresentingState = PresentingInput & {
  presenterId: string;
  name: string;
  /** Server time in ms: a state not renewed for a while is a presenter who left. */
  at: number;
};

/** A presenter renews their state this often; readers forget one not renewed in PRESENTING_STALE_MS. */
export const PRESENTING_HEARTBEAT_MS = 3_000;
export const PRESENTING_STALE_MS = 12_000;
