import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZApplyOpsInput, applyMapOps } from '@/lib/server/maps/apply-ops';
import type { CardMarks } from '@/lib/domain/evidence/card';
import type { TOpInput } from '@/lib/domain/ops';
import type { TSocialOpInput } from '@/lib/domain/social';
import type { Actor } from '@/lib/server/authz';
import { exportBackup } from '@/lib/server/maps/export-backup';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { restoreBackup } from '@/lib/server/maps/import-backup';
import { openMapStream } from '@/lib/server/realtime/map-stream';
import { getSocialView } from '@/lib/server/social/get-social-view';
import { setLayersRevealed } from '@/lib/server/social/set-layers-revealed';
import { createSource, testDb } from '../factories';
import { refusalOf } from '../support/apply-ops';
import { allText, buildTeamMap, code, sendSocial, type User } from '../support/team-map';

afterAll(async () => {
  await testDb().$disconnect();
});

const TEXT =
  'Before the passage. Studies of forty countries found that carbon taxes cut emissions without slowing growth. After it.';
const PASSAGE =
  'Studies of forty countries found that carbon taxes cut emissions without slowing growth.';
const START = TEXT.indexOf(PASSAGE);

let mapId = '';
let owner: User;
let amira: User; // editor, team Red
let ben: User; // commenter, team Blue
let red = '';
let blue = '';
let sourceId = '';

beforeAll(async () => {
  ({ mapId, owner, amira, ben, red, blue } = await buildTeamMap());
  sourceId = (await createSource(mapId, TEXT)).id;
});

const apply = (actor: Actor, ops: TOpInput[], intent: 'do' | 'undo' = 'do') =>
  applyMapOps(actor, mapId, ZApplyOpsInput.parse({ ops, intent, idempotencyKey: randomUUID() }));

async function newEvidence(): Promise<string> {
  const id = randomUUID();
  await apply(amira, [
    {
      type: 'createNode',
      id,
      kind: 'EVIDENCE',
      text: 'Carbon taxes work',
      x: 0,
      y: 0,
      anchor: {
        sourceId,
        exact: PASSAGE,
        prefix: '',
        suffix: '',
        start: START,
        end: START + PASSAGE.length,
      },
    },
  ]);
  return id;
}

/** The node's card as the editor's page loads it. */
async function cardOf(nodeId: string): Promise<CardMarks | null> {
  const snapshot = await getMapSnapshot(ben, mapId);
  return snapshot.nodes.find((n) => n.id === nodeId)!.card;
}

const mark = (
  id: string,
  layer: 'underline' | 'highlight',
  range: [number, number],
  on = true,
): TOpInput => ({ type: 'markCard', id, layer, range, on });

describe('evidence cards', () => {
  it('an anchored evidence node is cut as a card, then marked and unmarked on both layers', async () => {
    const id = await newEvidence();
    expect(await cardOf(id)).toBeNull();
    await apply(amira, [
      { type: 'updateNode', id, baseVersion: 1, card: { underline: [], highlight: [] } },
    ]);
    expect(await cardOf(id)).toEqual({ underline: [], highlight: [] });
    await apply(amira, [mark(id, 'underline', [0, 87]), mark(id, 'highlight', [38, 64])]);
    expect(await cardOf(id)).toEqual({ underline: [[0, 87]], highlight: [[38, 64]] });
    await apply(amira, [
      mark(id, 'underline', [10, 20], false),
      mark(id, 'highlight', [38, 51], false),
    ]);
    expect(await cardOf(id)).toEqual({
      underline: [
        [0, 10],
        [20, 87],
      ],
      highlight: [[51, 64]],
    });
  });

  it('refuses marks outside the passage, and a card on a node that quotes nothing, writing nothing', async () => {
    const id = await newEvidence();
    await apply(amira, [
      { type: 'updateNode', id, baseVersion: 1, card: { underline: [[0, 7]], highlight: [] } },
    ]);
    const before = await testDb().node.findUniqueOrThrow({ where: { id } });
    const { lastSeq } = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
    expect(await refusalOf(() => apply(amira, [mark(id, 'highlight', [80, 95])]))).toBe(
      'VALIDATION_FAILED: The marked words are not in the card’s passage',
    );
    expect(
      await refusalOf(() =>
        apply(amira, [
          {
            type: 'updateNode',
            id,
            baseVersion: 2,
            card: { underline: [[0, 200]], highlight: [] },
          },
        ]),
      ),
    ).toMatch(/^VALIDATION_FAILED: A marked range goes past the end of the passage/);
    const claimId = randomUUID();
    expect(
      await refusalOf(() =>
        apply(amira, [
          { type: 'createNode', id: claimId, kind: 'CLAIM', text: 'No quote', x: 0, y: 0 },
          {
            type: 'updateNode',
            id: claimId,
            baseVersion: 1,
            card: { underline: [], highlight: [] },
          },
        ]),
      ),
    ).toMatch(/^VALIDATION_FAILED: .*Only evidence that quotes a source can be cut as a card/);
    expect(await testDb().node.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await testDb().node.findUnique({ where: { id: claimId } })).toBeNull();
    const after = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
    expect(after.lastSeq).toBe(lastSeq);
  });

  it('undo of a mark, sent as the page sends it, restores the marks that were there before', async () => {
    const id = await newEvidence();
    await apply(amira, [
      { type: 'updateNode', id, baseVersion: 1, card: { underline: [], highlight: [[5, 10]] } },
    ]);
    const { seq } = await apply(amira, [mark(id, 'highlight', [0, 30])]);
    expect((await cardOf(id))!.highlight).toEqual([[0, 30]]);
    const logged = await testDb().mapOp.findFirstOrThrow({ where: { mapId, seq } });
    const { inverse } = logged.op as { inverse: TOpInput[] };
    await apply(amira, inverse, 'undo');
    expect(await cardOf(id)).toEqual({ underline: [], highlight: [[5, 10]] });
  });

  it('two people marking one card at the same moment both keep their marks', async () => {
    const id = await newEvidence();
    await apply(amira, [
      { type: 'updateNode', id, baseVersion: 1, card: { underline: [], highlight: [] } },
    ]);
    const other = { kind: 'user' as const, userId: owner.userId };
    await Promise.all([
      apply(amira, [mark(id, 'highlight', [0, 7])]),
      apply(other, [mark(id, 'highlight', [38, 50])]),
      apply(other, [mark(id, 'underline', [0, 87])]),
    ]);
    expect(await cardOf(id)).toEqual({
      underline: [[0, 87]],
      highlight: [
        [0, 7],
        [38, 50],
      ],
    });
  });

  it('a card goes into a backup and comes back with its marks; a backup from before cards still restores', async () => {
    const id = await newEvidence();
    const marks = { underline: [[0, 7]], highlight: [[11, 16]] } as CardMarks;
    await apply(amira, [{ type: 'updateNode', id, baseVersion: 1, card: marks }]);
    const backup = await exportBackup(amira, mapId);
    const restored = await restoreBackup(amira.userId, backup);
    const copy = await getMapSnapshot(amira, restored.id);
    expect(copy.nodes.filter((n) => n.card).map((n) => n.card)).toContainEqual(marks);
    const old = {
      ...backup,
      nodes: backup.nodes.map(({ card: _card, ...n }) => n),
      teamLayer: null,
    };
    const plain = await getMapSnapshot(amira, (await restoreBackup(amira.userId, old)).id);
    expect(plain.nodes.every((n) => n.card === null)).toBe(true);
  });

  it('drops the card when the node stops being evidence', async () => {
    const id = await newEvidence();
    await apply(amira, [
      { type: 'updateNode', id, baseVersion: 1, card: { underline: [[0, 7]], highlight: [] } },
    ]);
    await apply(amira, [{ type: 'updateNode', id, baseVersion: 2, kind: 'CLAIM' }]);
    expect(await cardOf(id)).toBeNull();
  });
});

describe("a team's own cut", () => {
  const cut = (teamId: string, nodeId: string, marks: CardMarks, id = randomUUID()) =>
    ({
      type: 'upsertAnnotation',
      id,
      teamId,
      target: { kind: 'NODE', nodeId },
      kind: 'CUT',
      marks,
    }) satisfies TSocialOpInput;

  it('is stored normalized, one per team and card, and refused outside the passage', async () => {
    const nodeId = await newEvidence();
    const id = randomUUID();
    await sendSocial(amira, mapId, [
      cut(
        red,
        nodeId,
        {
          underline: [
            [3, 9],
            [0, 4],
          ],
          highlight: [[40, 50]],
        },
        id,
      ),
    ]);
    const mine = (await getSocialView(amira, mapId)).layers
      .flatMap((l) => l.annotations)
      .find((a) => a.id === id)!;
    expect(mine.marks).toEqual({ underline: [[0, 9]], highlight: [[40, 50]] });
    expect(
      await code(sendSocial(amira, mapId, [cut(red, nodeId, { underline: [], highlight: [] })])),
    ).toBe('CONFLICT');
    expect(
      await code(
        sendSocial(amira, mapId, [cut(red, nodeId, { underline: [[0, 500]], highlight: [] }, id)]),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('never reaches another team: not in its social view, the snapshot or its stream', async () => {
    const nodeId = await newEvidence();
    const { lastSeq } = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
    const secret: CardMarks = { underline: [[11, 17]], highlight: [[17, 33]] };
    const { seq: redSeq } = await sendSocial(amira, mapId, [cut(red, nodeId, secret)]);
    const { seq: blueSeq } = await sendSocial(ben, mapId, [
      cut(blue, nodeId, { underline: [[1, 2]], highlight: [] }),
    ]);
    const forAmira = await getSocialView(amira, mapId);
    expect(forAmira.layers.map((l) => l.name)).toEqual(['Red']);
    expect(allText(forAmira.layers)).toContain('"highlight":[[17,33]]');
    const forBen = await getSocialView(ben, mapId);
    expect(forBen.layers.map((l) => l.name)).toEqual(['Blue']);
    expect(allText(forBen)).not.toContain('[17,33]');
    expect(allText(await getMapSnapshot(ben, mapId))).not.toContain('[17,33]');

    const abort = new AbortController();
    const reader = (await openMapStream(ben, mapId, lastSeq, abort.signal)).getReader();
    let text = '';
    while (!text.includes(`id: ${blueSeq}\n`)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    expect(text).toContain(`id: ${blueSeq}\nevent: social`);
    expect(text).not.toContain(`id: ${redSeq}\nevent: social`);
    expect(text).not.toContain('[17,33]');

    // Revealed by the teacher, the cut is read like any other team note; hidden again, it is gone.
    await setLayersRevealed(owner, mapId, true);
    expect(allText(await getSocialView(ben, mapId))).toContain('[17,33]');
    await setLayersRevealed(owner, mapId, false);
    expect(allText(await getSocialView(ben, mapId))).not.toContain('[17,33]');
  });
});
