import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getClassProgress } from '@/lib/server/tasks/get-progress';
import { getMyTasks } from '@/lib/server/tasks/get-my-tasks';
import { deleteTask, updateTask } from '@/lib/server/tasks/save-task';
import { testDb } from '../factories';
import { apply } from '../support/apply-ops';
import {
  addCard,
  buildTaskMap,
  objectionWithEvidence,
  setTask,
  TWO_OBJECTIONS,
  type User,
} from '../support/task-map';
import { code } from '../support/team-map';

afterAll(async () => {
  await testDb().$disconnect();
});

let world: Awaited<ReturnType<typeof buildTaskMap>>;
beforeAll(async () => {
  world = await buildTaskMap();
});

const progressOf = async (student: User, title: string) =>
  (await getMyTasks(student, world.mapId)).tasks.find((t) => t.title === title)?.progress;

describe('a task’s progress, counted from the map', () => {
  it('counts a student’s objections with evidence to the other side’s case, made after the task was set, while they stay', async () => {
    const { mapId, teacher, amira, ben, forClaim, againstClaim } = world;
    // Made before the task: it does not count.
    await objectionWithEvidence(amira, mapId, againstClaim);
    await setTask(teacher, mapId, { title: 'Two objections' });
    expect(await progressOf(amira, 'Two objections')).toEqual({ done: 0, of: 2, complete: false });

    // An objection alone is not enough; its evidence makes it count.
    const first = await addCard(amira, mapId, 'OBJECTION', againstClaim);
    expect((await progressOf(amira, 'Two objections'))!.done).toBe(0);
    await addCard(ben, mapId, 'EVIDENCE', first);
    expect((await progressOf(amira, 'Two objections'))!.done).toBe(1);

    // One against her own side's claim does not count.
    await objectionWithEvidence(amira, mapId, forClaim);
    expect((await progressOf(amira, 'Two objections'))!.done).toBe(1);

    const second = await objectionWithEvidence(amira, mapId, againstClaim);
    expect(await progressOf(amira, 'Two objections')).toEqual({ done: 2, of: 2, complete: true });

    // Ben's other side is Amira's: her work is not his, and his for-side objection counts for him.
    expect((await progressOf(ben, 'Two objections'))!.done).toBe(0);
    await objectionWithEvidence(ben, mapId, forClaim);
    expect((await progressOf(ben, 'Two objections'))!.done).toBe(1);

    // Deleting a card takes it off the count.
    await apply(amira, mapId, [{ type: 'deleteNode', id: second }]);
    expect(await progressOf(amira, 'Two objections')).toEqual({ done: 1, of: 2, complete: false });
    const edgeIds = (
      await testDb().edge.findMany({
        where: { OR: [{ fromId: second }, { toId: second }] },
        select: { id: true },
      })
    ).map((e) => e.id);
    await apply(amira, mapId, [{ type: 'restoreNode', id: second, edgeIds }]);
    expect((await progressOf(amira, 'Two objections'))!.complete).toBe(true);

    // The teacher's page shows the same.
    const progress = await getClassProgress(teacher, mapId);
    const row = (name: string) => progress.students.find((s) => s.name === name)!;
    const task = progress.tasks.find((t) => t.title === 'Two objections')!;
    expect(row('Amira').progress[task.id]).toEqual({ done: 2, of: 2, complete: true });
    expect(row('Ben').progress[task.id]).toEqual({ done: 1, of: 2, complete: false });
    expect(row('Amira').tasksDone).toBeGreaterThanOrEqual(1);
    expect(progress.students.map((s) => s.name)).toEqual(['Amira', 'Ben']);
  });

  it('a team’s task is only its members’: the others neither see it nor are counted for it', async () => {
    const { mapId, teacher, amira, ben, red } = world;
    await setTask(teacher, mapId, {
      title: 'Red: one claim',
      teamId: red,
      quota: { count: 1, kind: 'CLAIM', withEvidence: false, target: 'any' },
    });
    expect(await progressOf(amira, 'Red: one claim')).toEqual({ done: 0, of: 1, complete: false });
    expect(await progressOf(ben, 'Red: one claim')).toBeUndefined();
    await addCard(amira, mapId, 'CLAIM', null);
    expect((await progressOf(amira, 'Red: one claim'))!.complete).toBe(true);
    const progress = await getClassProgress(teacher, mapId);
    const task = progress.tasks.find((t) => t.title === 'Red: one claim')!;
    expect(progress.students.find((s) => s.name === 'Ben')!.progress[task.id]).toBeUndefined();
  });

  it('editing a task counts again at once; deleting it takes it away', async () => {
    const { mapId, teacher, amira } = world;
    const { id } = await setTask(teacher, mapId, { title: 'To change' });
    await updateTask(teacher, mapId, id, {
      title: 'Changed',
      description: 'Any claim will do',
      teamId: null,
      dueOn: null,
      quota: { count: 3, kind: 'CLAIM', withEvidence: false, target: 'any' },
    });
    expect(await progressOf(amira, 'Changed')).toEqual({ done: 0, of: 3, complete: false });
    await deleteTask(teacher, mapId, id);
    expect(await progressOf(amira, 'Changed')).toBeUndefined();
  });
});

describe('who may set tasks and read progress', () => {
  it('only the map’s teacher sets, changes and deletes tasks and reads the class’s progress', async () => {
    const { mapId, amira, outsider, teacher } = world;
    expect(await code(setTask(amira, mapId))).toBe('FORBIDDEN');
    expect(await code(getClassProgress(amira, mapId))).toBe('FORBIDDEN');
    expect(await code(getClassProgress(outsider, mapId))).toBe('NOT_FOUND');
    expect(await code(getMyTasks(outsider, mapId))).toBe('NOT_FOUND');
    expect(await code(getMyTasks({ kind: 'anonymous' }, mapId))).toBe('NOT_FOUND');
    const { id } = await setTask(teacher, mapId, { title: 'Kept' });
    expect(await code(deleteTask(amira, mapId, id))).toBe('FORBIDDEN');
    expect(await testDb().mapTask.count({ where: { id } })).toBe(1);
  });

  it('refuses a bad task with a clear error and writes nothing', async () => {
    const { mapId, teacher } = world;
    const before = await testDb().mapTask.count({ where: { mapId } });
    expect(await code(setTask(teacher, mapId, { quota: { ...TWO_OBJECTIONS, count: 0 } }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await code(setTask(teacher, mapId, { title: '   ' }))).toBe('VALIDATION_FAILED');
    // A team of another map.
    const other = await buildTaskMap();
    expect(await code(setTask(teacher, mapId, { teamId: other.red }))).toBe('VALIDATION_FAILED');
    // A task of another map, changed through this one.
    const foreign = await setTask(other.teacher, other.mapId);
    expect(await code(deleteTask(teacher, mapId, foreign.id))).toBe('NOT_FOUND');
    expect(await testDb().mapTask.count({ where: { mapId } })).toBe(before);
  });
});
