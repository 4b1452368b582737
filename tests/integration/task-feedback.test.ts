import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFeedback } from '@/lib/server/tasks/feedback';
import { getClassProgress } from '@/lib/server/tasks/get-progress';
import { getMyTasks } from '@/lib/server/tasks/get-my-tasks';
import { progressCsv } from '@/lib/server/tasks/progress-csv';
import { testDb } from '../factories';
import { buildTaskMap, objectionWithEvidence, setTask } from '../support/task-map';
import { code } from '../support/team-map';

afterAll(async () => {
  await testDb().$disconnect();
});

let world: Awaited<ReturnType<typeof buildTaskMap>>;
beforeAll(async () => {
  world = await buildTaskMap();
});

describe('feedback to a student', () => {
  it('a draft stays with the teacher; once released only its student reads it', async () => {
    const { mapId, teacher, amira, ben } = world;
    await saveFeedback(teacher, mapId, amira.userId, {
      body: 'Strong objections; cite your evidence.',
      release: false,
    });
    expect((await getMyTasks(amira, mapId)).feedback).toBeNull();
    const draft = await getClassProgress(teacher, mapId);
    expect(draft.students.find((s) => s.name === 'Amira')!.feedback).toMatchObject({
      body: 'Strong objections; cite your evidence.',
      releasedAt: null,
    });

    await saveFeedback(teacher, mapId, amira.userId, {
      body: 'Strong objections; cite your evidence.',
      release: true,
    });
    expect((await getMyTasks(amira, mapId)).feedback?.body).toBe(
      'Strong objections; cite your evidence.',
    );
    // Ben never reads Amira's, and has none of his own.
    expect((await getMyTasks(ben, mapId)).feedback).toBeNull();
    expect(JSON.stringify(await getMyTasks(ben, mapId))).not.toContain('Strong objections');

    // Saved as a draft again, it is taken back.
    await saveFeedback(teacher, mapId, amira.userId, { body: 'Rewriting this.', release: false });
    expect((await getMyTasks(amira, mapId)).feedback).toBeNull();
  });

  it('only the teacher writes feedback, only to a student of the map, and not an empty one', async () => {
    const { mapId, teacher, amira, ben, outsider } = world;
    expect(
      await code(saveFeedback(ben, mapId, amira.userId, { body: 'Great!', release: true })),
    ).toBe('FORBIDDEN');
    expect(
      await code(saveFeedback(teacher, mapId, outsider.userId, { body: 'Hi', release: true })),
    ).toBe('NOT_FOUND');
    expect(
      await code(saveFeedback(teacher, mapId, ben.userId, { body: '  ', release: true })),
    ).toBe('VALIDATION_FAILED');
    expect(await testDb().studentFeedback.count({ where: { mapId, studentId: ben.userId } })).toBe(
      0,
    );
  });
});

describe('the progress CSV', () => {
  it('has a row per student with activity and task progress, quoted properly and safe from formulas', async () => {
    const { mapId, teacher, amira, ben, againstClaim } = world;
    await testDb().user.update({
      where: { id: ben.userId },
      data: { name: '=HYPERLINK("http://evil.test","Ben")' },
    });
    await setTask(teacher, mapId, { title: 'Objections, with evidence' });
    await objectionWithEvidence(amira, mapId, againstClaim);
    await saveFeedback(teacher, mapId, amira.userId, {
      body: 'Good work, "Amira".\nNext: rebuttals.',
      release: true,
    });
    const file = await progressCsv(teacher, mapId);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    const lines = String(file.body).split('\r\n');
    expect(lines[0]).toBe(
      'Student,Team,Claims,Evidence,Comments,Votes,Minutes active,Tasks done,Tasks set,' +
        '"Objections, with evidence (Add 2 objections with evidence to the other side’s case)",' +
        'Feedback,Feedback released',
    );
    const amiraLine = lines.find((l) => l.startsWith('Amira,'));
    expect(amiraLine).toMatch(
      /^Amira,Red,1,1,0,0,\d+,0,1,1\/2,"Good work, ""Amira"".\nNext: rebuttals.",\d{4}-\d{2}-\d{2}$/,
    );
    expect(lines).toContain(`"'=HYPERLINK(""http://evil.test"",""Ben"")",Blue,0,0,0,0,0,0,1,0/2,,`);
    expect(await code(progressCsv(amira, mapId))).toBe('FORBIDDEN');
  });
});
