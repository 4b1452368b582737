import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { TOpInput } from '@/lib/domain/ops';
import type { Actor } from '@/lib/server/authz';
import { AppError } from '@/lib/server/errors';
import { exportBackup } from '@/lib/server/maps/export-backup';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { getMapAt, getMapHistory } from '@/lib/server/maps/get-map-history';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { getUndoHistory } from '@/lib/server/maps/get-undo-history';
import { openMapStream } from '@/lib/server/realtime/map-stream';
import { addSource, listSources } from '@/lib/server/sources/add-source';
import { removeSource, sourceRemovalOutlook } from '@/lib/server/sources/remove-source';
import { addMember, createMap, testDb } from '../factories';
import { frameData, readStreamThrough } from '../support/stream-frames';
import { buildTeamMap, sendSocial } from '../support/team-map';

afterAll(async () => {
  await testDb().$disconnect();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const apply = (actor: Actor, mapId: string, ops: TOpInput[], intent = 'do') =>
  applyMapOps(actor, mapId, ZApplyOpsInput.parse({ ops, intent, idempotencyKey: randomUUID() }));

const TEXT = 'Homework takes an hour a night. Children sleep less when it does.';
const QUOTE = 'Children sleep less';
const pasted = (title: string) => ({
  format: 'TEXT',
  fileName: null,
  title,
  author: 'Doe, Jane',
  side: 'FOR',
  pages: [{ label: '1', text: TEXT }],
});

/** An evidence card quoting QUOTE in `sourceId`, cut with one highlighted word. */
const evidence = (id: string, sourceId: string, text = 'Homework costs sleep'): TOpInput => ({
  type: 'createNode',
  id,
  kind: 'EVIDENCE',
  text,
  side: 'FOR',
  x: 0,
  y: 0,
  anchor: {
    sourceId,
    exact: QUOTE,
    prefix: '',
    suffix: '',
    start: TEXT.indexOf(QUOTE),
    end: TEXT.indexOf(QUOTE) + QUOTE.length,
  },
  card: { underline: [], highlight: [[0, 8]] },
});

/** A team's highlight of QUOTE in `sourceId`. */
const highlight = (teamId: string, sourceId: string) =>
  ({
    type: 'upsertAnnotation',
    id: randomUUID(),
    teamId,
    target: {
      kind: 'SOURCE',
      sourceId,
      start: TEXT.indexOf(QUOTE),
      end: TEXT.indexOf(QUOTE) + QUOTE.length,
      exact: QUOTE,
    },
    kind: 'HIGHLIGHT',
    body: '',
  }) as const;

const seqOf = async (mapId: string) =>
  (await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } })).lastSeq;

describe('removing a source added by mistake', () => {
  it('is the teacher’s to do: takes it off the map with every team’s highlights on it, tells open pages, and keeps the rest', async () => {
    const { mapId, owner, amira, ben, viewer, red, blue } = await buildTeamMap();
    const wrong = await addSource(owner, mapId, pasted('The wrong PDF'));
    const kept = await addSource(owner, mapId, pasted('The right article'));
    await sendSocial(amira, mapId, [highlight(red, wrong.id), highlight(red, kept.id)]);
    await sendSocial(ben, mapId, [highlight(blue, wrong.id)]);

    // A student editor may not remove it: Blue's highlight would go with it, unseen by her.
    expect((await failure(removeSource(amira, mapId, wrong.id))).code).toBe('FORBIDDEN');
    expect(await sourceRemovalOutlook(amira, mapId, wrong.id)).toBeNull();
    // The teacher, who sees every team's layer, is told of both teams' highlights.
    expect(await sourceRemovalOutlook(owner, mapId, wrong.id)).toEqual({
      quotedByDeleted: 0,
      passages: 2,
    });

    const abort = new AbortController();
    const stream = await openMapStream(viewer, mapId, await seqOf(mapId), abort.signal);
    const { seq } = await removeSource(owner, mapId, wrong.id);

    expect((await listSources(viewer, mapId)).map((s) => s.title)).toEqual(['The right article']);
    expect(await testDb().source.count({ where: { id: wrong.id } })).toBe(0);
    // Both teams' highlights of it went with it; those on the other source stay.
    expect(await testDb().annotation.count({ where: { sourceId: wrong.id } })).toBe(0);
    expect(await testDb().annotation.count({ where: { mapId, sourceId: kept.id } })).toBe(1);
    const history = await getMapHistory(owner, mapId, null);
    expect(history.items[0]).toMatchObject({ seq, summary: 'removed the source “The wrong PDF”' });
    // The backup still carries the source that stays.
    const backup = await exportBackup(owner, mapId);
    expect(backup.sources.map((s) => s.title)).toEqual(['The right article']);

    // Open pages hear it as a source frame and fetch their list again.
    const text = await readStreamThrough(stream, abort, seq);
    expect(frameData(text, 'source', seq), text).toMatchObject({
      seq,
      changes: [{ type: 'removeSource', id: wrong.id, title: 'The wrong PDF' }],
    });
  });

  it('is for the map’s managers: 403 for an editor, viewer or commenter, 404 for another map’s source', async () => {
    const { mapId, owner, amira, ben, viewer } = await buildTeamMap();
    const { id } = await addSource(owner, mapId, pasted('A source'));
    const before = await seqOf(mapId);
    expect((await failure(removeSource(viewer, mapId, id))).code).toBe('FORBIDDEN');
    expect((await failure(removeSource(ben, mapId, id))).code).toBe('FORBIDDEN');
    expect((await failure(removeSource(amira, mapId, id))).code).toBe('FORBIDDEN');
    expect(await sourceRemovalOutlook(viewer, mapId, id)).toBeNull();
    const other = await createMap({ ownerId: (owner as { userId: string }).userId });
    expect((await failure(removeSource(owner, other.id, id))).code).toBe('NOT_FOUND');
    const outsider = await addMember(other.id, 'VIEWER');
    expect((await failure(removeSource(outsider, mapId, id))).code).toBe('NOT_FOUND');
    expect(await testDb().source.count({ where: { id } })).toBe(1);
    expect(await seqOf(mapId)).toBe(before);
  });

  it('is refused with 409 while live cards quote it, naming them, and nothing changes', async () => {
    const { mapId, owner, amira, red } = await buildTeamMap();
    const { id } = await addSource(owner, mapId, pasted('A source'));
    const [a, b] = [randomUUID(), randomUUID()];
    await apply(amira, mapId, [
      evidence(a, id, 'Homework costs sleep'),
      evidence(b, id, 'Tired children learn less'),
    ]);
    await sendSocial(amira, mapId, [highlight(red, id)]);
    const before = await seqOf(mapId);

    const refused = await failure(removeSource(owner, mapId, id));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      '2 cards quote this source; delete them or change their quotes first.',
    );
    expect(refused.details).toEqual({
      count: 2,
      cards: [
        { id: a, text: 'Homework costs sleep' },
        { id: b, text: 'Tired children learn less' },
      ],
    });
    expect(await testDb().source.count({ where: { id } })).toBe(1);
    expect(await testDb().annotation.count({ where: { sourceId: id } })).toBe(1);
    expect(await seqOf(mapId)).toBe(before);
    const snapshot = await getMapSnapshot(owner, mapId);
    expect(snapshot.nodes.filter((n) => n.anchor?.sourceId === id)).toHaveLength(2);

    // One card deleted: the count follows.
    await apply(amira, mapId, [{ type: 'deleteNode', id: a }]);
    expect((await failure(removeSource(owner, mapId, id))).message).toBe(
      '1 card quotes this source; delete it or change its quote first.',
    );
  });

  it('leaves deleted cards that quoted it without a quote: Undo brings one back as evidence without a quote, and the past still shows', async () => {
    const { mapId, owner, amira } = await buildTeamMap();
    const { id } = await addSource(owner, mapId, pasted('A source'));
    const cardId = randomUUID();
    const created = await apply(amira, mapId, [evidence(cardId, id)]);
    await apply(amira, mapId, [{ type: 'deleteNode', id: cardId }]);
    expect((await sourceRemovalOutlook(owner, mapId, id))?.quotedByDeleted).toBe(1);

    await removeSource(owner, mapId, id);
    const row = await testDb().node.findUniqueOrThrow({ where: { id: cardId } });
    expect(row).toMatchObject({
      sourceId: null,
      anchorExact: null,
      anchorStart: null,
      anchorEnd: null,
      card: null,
      text: 'Homework costs sleep',
    });

    // Amira's Undo of the delete (as her page rebuilds it after a reload) brings the card back.
    const { undo } = await getUndoHistory(mapId, amira.userId);
    expect(undo.at(-1)!.ops).toEqual([{ type: 'restoreNode', id: cardId, edgeIds: [] }]);
    await apply(amira, mapId, undo.at(-1)!.ops as TOpInput[], 'undo');
    const back = (await getMapSnapshot(owner, mapId)).nodes.find((n) => n.id === cardId);
    expect(back).toMatchObject({
      kind: 'EVIDENCE',
      text: 'Homework costs sleep',
      anchor: null,
      card: null,
    });

    // The map as it was when the card was made: the card, no quote of a missing source.
    const past = await getMapAt(owner, mapId, created.seq);
    const then = past.nodes.find((n) => n.id === cardId);
    expect(then).toMatchObject({ text: 'Homework costs sleep', anchor: null });
    expect(past.sources).toEqual([]);

    // A card quoting the removed source cannot be made again (by a redo or anyone).
    const again = await failure(apply(amira, mapId, [evidence(randomUUID(), id)]));
    expect([again.code, again.message]).toEqual([
      'VALIDATION_FAILED',
      'The quoted source is not one of this map’s sources.',
    ]);
  });

  it('is said by a stream that catches up over it, so a page that was away forgets the quotes too', async () => {
    const { mapId, owner, amira, viewer } = await buildTeamMap();
    const { id } = await addSource(owner, mapId, pasted('The wrong PDF'));
    const cardId = randomUUID();
    await apply(amira, mapId, [evidence(cardId, id)]);
    await apply(amira, mapId, [{ type: 'deleteNode', id: cardId }]);
    // A page that last heard of the map here, and comes back after the removal.
    const away = await seqOf(mapId);
    const { seq } = await removeSource(owner, mapId, id);

    const abort = new AbortController();
    const stream = await openMapStream(viewer, mapId, away, abort.signal);
    const text = await readStreamThrough(stream, abort, seq);
    expect(frameData(text, 'source', seq), text).toMatchObject({
      seq,
      changes: [{ type: 'removeSource', id, title: 'The wrong PDF' }],
    });
  });
});
