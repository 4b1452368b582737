import { afterAll, describe, expect, it } from 'vitest';
import { getSocialView } from '@/lib/server/social/get-social-view';
import { assignTeams } from '@/lib/server/teams/assign-teams';
import { getTeamSetup } from '@/lib/server/teams/get-team-setup';
import { testDb } from '../factories';
import { buildTeamMap, code, nodeNote, sendSocial } from '../support/team-map';
import { apply, claim, id } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

/** Moves Amira from Red to Blue the way the teams page does. */
async function moveAmiraToBlue() {
  const map = await buildTeamMap();
  const claimId = id();
  await apply(map.amira, map.mapId, [claim(claimId, 'Amira’s claim on the shared map')]);
  await sendSocial(map.amira, map.mapId, [nodeNote(map.nodeId, map.red, 'Red: ask about 2020')]);
  await assignTeams(map.owner, map.mapId, {
    assignments: { [map.amira.userId]: map.blue },
    sides: {},
  });
  return { ...map, claimId };
}

describe('moving a student to another team', () => {
  it('keeps what they wrote on the map theirs, and their notes with the team they wrote them in', async () => {
    const map = await moveAmiraToBlue();
    const claim = await testDb().node.findUniqueOrThrow({ where: { id: map.claimId } });
    expect(claim).toMatchObject({ createdById: map.amira.userId, deletedAt: null });
    const notes = await testDb().annotation.findMany({
      where: { mapId: map.mapId, authorId: map.amira.userId, deletedAt: null },
    });
    expect(notes).toHaveLength(2);
    expect(new Set(notes.map((n) => n.teamId))).toEqual(new Set([map.red]));

    // Red still reads them (the owner shows Red's layer); Amira now reads Blue's, not Red's.
    const owner = await getSocialView(map.owner, map.mapId);
    const red = owner.layers.find((l) => l.teamId === map.red)!;
    expect(red.annotations.map((a) => a.body)).toContain('Red: ask about 2020');
    const amira = await getSocialView(map.amira, map.mapId);
    expect(amira.myTeam?.id).toBe(map.blue);
    expect(JSON.stringify(amira.layers)).not.toContain('Red');
    expect(JSON.stringify(amira.layers)).toContain('Blue secret');
    // …and is told where her notes are, without their text.
    expect(amira.notesElsewhere).toEqual([{ teamId: map.red, name: 'Red', count: 2 }]);
  });

  it('tells the teacher, before saving, how many notes stay behind', async () => {
    const map = await moveAmiraToBlue();
    const setup = await getTeamSetup(map.owner, map.mapId);
    const amira = setup.people.find((p) => p.id === map.amira.userId)!;
    expect(amira.teamId).toBe(map.blue);
    expect(amira.notesByTeam).toEqual({ [map.red]: 2 });
  });

  it('leaves the old team’s notes out of the student’s undo, so Undo cannot reach into a layer they left', async () => {
    const map = await moveAmiraToBlue();
    const view = await getSocialView(map.amira, map.mapId, { withHistory: true });
    expect(view.history?.notes.undo).toEqual([]);
    // Sent anyway (an old tab), the undo is refused and Red's note stays.
    const [note] = await testDb().annotation.findMany({
      where: { mapId: map.mapId, authorId: map.amira.userId, body: 'Red: ask about 2020' },
    });
    expect(
      await code(
        sendSocial(map.amira, map.mapId, [{ type: 'deleteAnnotation', id: note!.id }], 'undo'),
      ),
    ).not.toBe('ok');
    expect(
      (await testDb().annotation.findUniqueOrThrow({ where: { id: note!.id } })).deletedAt,
    ).toBeNull();
  });

  it('gives the notes back when the student moves back', async () => {
    const map = await moveAmiraToBlue();
    await assignTeams(map.owner, map.mapId, {
      assignments: { [map.amira.userId]: map.red },
      sides: {},
    });
    const view = await getSocialView(map.amira, map.mapId, { withHistory: true });
    const mine = view.layers.find((l) => l.mine)!;
    expect(mine.annotations.map((a) => a.body)).toContain('Red: ask about 2020');
    expect(view.notesElsewhere).toEqual([]);
    expect(view.history?.notes.undo.length).toBeGreaterThan(0);
  });
});
