import { afterAll, describe, expect, it } from 'vitest';
import type { TOpInput } from '@/lib/domain/ops';
import {
  answerCriticalQuestion,
  criticalQuestionSlots,
  tagArgument,
} from '@/lib/domain/reasoning/critical-questions';
import { groundedLabelling } from '@/lib/domain/reasoning/semantics';
import { toErrorResponse } from '@/lib/server/errors';
import { exportBackup } from '@/lib/server/maps/export-backup';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { importMap } from '@/lib/server/maps/import-map';
import { testDb } from '../factories';
import { apply, claim, editableMap, errorOf, id, snapshot } from '../support/apply-ops';
import type { MapSnapshot } from '@/lib/domain/types';

afterAll(async () => {
  await testDb().$disconnect();
});

describe('argument schemes and answers to critical questions on a stored map', () => {
  it('keeps a tag and an answer through the op path, and the answer shows as the slot answered', async () => {
    const { map, editor } = await editableMap();
    const [c, p, s] = [id(), id(), id()];
    await apply(editor, map.id, [
      claim(c, 'Schools should ban phones'),
      claim(p, 'Phones harm attention'),
      { type: 'createEdge', id: s, fromId: p, toId: c, relation: 'SUPPORTS' },
    ]);
    const key = `e:${s}`;
    let view = await getMapSnapshot(editor, map.id);
    await apply(editor, map.id, tagArgument(view, key, 'cause-to-effect') as TOpInput[]);
    view = await getMapSnapshot(editor, map.id);
    expect(view.edges.find((e) => e.id === s)).toMatchObject({ scheme: 'cause-to-effect' });

    const [o, a] = [id(), id()];
    const ops = answerCriticalQuestion(view, {
      argument: key,
      question: 'case',
      text: 'Not all pupils use phones in class',
      nodeId: o,
      edgeId: a,
      at: { x: 0, y: 0 },
    });
    await apply(editor, map.id, ops as TOpInput[]);
    view = await getMapSnapshot(editor, map.id);
    expect(view.edges.find((e) => e.id === a)).toMatchObject({
      relation: 'ATTACKS',
      toId: p,
      answers: { argument: key, scheme: 'cause-to-effect', question: 'case' },
    });
    const slots = criticalQuestionSlots(view, key);
    expect(slots.find((x) => x.question.id === 'case')).toMatchObject({
      status: 'answered',
      answeredBy: [{ nodeId: o, edgeId: a }],
    });
    expect(groundedLabelling(view).nodes.get(p)).toBe('OUT');

    // Changed and cleared through an update (one UPDATE for all changed edges).
    await apply(editor, map.id, [
      { type: 'updateEdge', id: s, baseVersion: 2, scheme: null },
      {
        type: 'updateEdge',
        id: a,
        expect: { answers: { argument: key, scheme: 'cause-to-effect', question: 'case' } },
        answers: null,
      },
    ]);
    const rows = (await snapshot(map.id)).edges;
    expect(rows.find((e) => e.id === s)).toMatchObject({ scheme: null, version: 3 });
    expect(rows.find((e) => e.id === a)).toMatchObject({ answers: null, version: 2 });
  });

  it('refuses a scheme on an attack, changing nothing', async () => {
    const { map, editor } = await editableMap();
    const [c, p] = [id(), id()];
    await apply(editor, map.id, [claim(c), claim(p)]);
    const before = await snapshot(map.id);
    const error = await errorOf(
      apply(editor, map.id, [
        { type: 'createEdge', id: id(), fromId: p, toId: c, relation: 'ATTACKS', scheme: 'sign' },
      ]),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(toErrorResponse(error).status).toBe(400);
    expect(await snapshot(map.id)).toEqual(before);
  });

  it('a backup keeps the schemes and answers, pointing at the restored map’s own arguments', async () => {
    const { map, editor } = await editableMap();
    const [c, p, q, s1, s2, o1, o2] = [id(), id(), id(), id(), id(), id(), id()];
    await apply(editor, map.id, [
      claim(c, 'Schools should ban phones'),
      claim(p, 'Experts say phones harm learning'),
      claim(q, 'Dr Lee is a learning scientist'),
      { type: 'createEdge', id: s1, fromId: p, toId: c, relation: 'SUPPORTS', groupId: 'g1' },
      { type: 'createEdge', id: s2, fromId: q, toId: c, relation: 'SUPPORTS', groupId: 'g1' },
    ]);
    const group = `g:${c}:g1`;
    let view = await getMapSnapshot(editor, map.id);
    await apply(editor, map.id, tagArgument(view, group, 'expert-opinion') as TOpInput[]);
    view = await getMapSnapshot(editor, map.id);
    const at = { x: 0, y: 0 };
    const answer = (question: string, nodeId: string, premiseId?: string) =>
      answerCriticalQuestion(view, {
        argument: group,
        question,
        text: `Answer to ${question}`,
        nodeId,
        edgeId: id(),
        at,
        ...(premiseId && { premiseId }),
      }) as TOpInput[];
    await apply(editor, map.id, [...answer('field', o1, q), ...answer('trustworthy', o2)]);

    const slotsOf = (s: MapSnapshot) => {
      const key = `g:${s.edges.find((e) => e.relation === 'SUPPORTS')!.toId}:${s.edges.find((e) => e.relation === 'SUPPORTS')!.groupId}`;
      const text = new Map(s.nodes.map((n) => [n.id, n.text]));
      return criticalQuestionSlots(s, key).map(
        (x) => `${x.question.id}: ${x.answeredBy.map((a) => text.get(a.nodeId)).join()}`,
      );
    };
    const before = slotsOf(await getMapSnapshot(editor, map.id));
    expect(before).toContain('field: Answer to field');
    expect(before).toContain('trustworthy: Answer to trustworthy');

    const restored = await importMap(editor, {
      text: JSON.stringify(await exportBackup(editor, map.id)),
      fileName: 'map.json',
      format: 'backup',
    });
    const copy = await getMapSnapshot(editor, restored.id);
    expect(copy.edges.filter((e) => e.scheme === 'expert-opinion')).toHaveLength(2);
    expect(slotsOf(copy)).toEqual(before);
  });
});
