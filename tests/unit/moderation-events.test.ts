import { describe, expect, it } from 'vitest';
import {
  concernsReader,
  type ModerationStreamEvent,
  type ModerationView,
  type SuggestionView,
} from '@/lib/domain/moderation/suggestions';

const view = (overrides: Partial<ModerationView> = {}): ModerationView => ({
  me: 'ana',
  requireApproval: true,
  moderator: false,
  manager: false,
  held: true,
  queue: [],
  flags: [],
  mine: [],
  myFlags: [],
  people: [],
  ...overrides,
});
const suggestion = (id: string) => ({ id }) as SuggestionView;
const event = (e: Omit<ModerationStreamEvent, 'seq'>): ModerationStreamEvent => ({ seq: 7, ...e });

describe('which moderation batches make a page fetch its moderation view again', () => {
  it('every batch, for a moderator (their queue and flags), and before the view has loaded', () => {
    const batches = [
      event({ actorId: 'ben', what: 'suggested', suggestionId: 's1' }),
      event({ actorId: 'ben', what: 'flagged', flagId: 'f1' }),
      event({ actorId: 'tess', what: 'resolved', flagId: 'f1' }),
    ];
    for (const batch of batches) {
      expect(concernsReader(batch, view({ moderator: true }))).toBe(true);
      expect(concernsReader(batch, null)).toBe(true);
    }
  });

  it('for a writer, only their own doings and decisions on their suggestions; everyone on a change of settings', () => {
    const ana = view({ mine: [suggestion('s-ana')] });
    // Someone else suggests, flags, or has their suggestion decided: nothing Ana's page shows.
    expect(
      concernsReader(event({ actorId: 'ben', what: 'suggested', suggestionId: 's-ben' }), ana),
    ).toBe(false);
    expect(concernsReader(event({ actorId: 'ben', what: 'flagged', flagId: 'f1' }), ana)).toBe(
      false,
    );
    expect(
      concernsReader(event({ actorId: 'tess', what: 'approved', suggestionId: 's-ben' }), ana),
    ).toBe(false);
    expect(concernsReader(event({ actorId: 'tess', what: 'resolved', flagId: 'f1' }), ana)).toBe(
      false,
    );
    // A decision on Ana's suggestion, and what Ana did in another tab.
    expect(
      concernsReader(event({ actorId: 'tess', what: 'declined', suggestionId: 's-ana' }), ana),
    ).toBe(true);
    expect(
      concernsReader(event({ actorId: 'ana', what: 'suggested', suggestionId: 's-new' }), ana),
    ).toBe(true);
    // The mode or the moderators changed: whether anyone is held may have.
    expect(concernsReader(event({ actorId: 'tess', what: 'settings' }), ana)).toBe(true);
    // A signed-out reader is never the actor of a batch.
    expect(concernsReader(event({ actorId: null, what: 'suggested' }), view({ me: null }))).toBe(
      false,
    );
  });
});
