import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/server/authz';
import { decideSuggestion } from '@/lib/server/moderation/decide-suggestion';
import { flagCard } from '@/lib/server/moderation/flags';
import { changeModerationSettings } from '@/lib/server/moderation/moderation-settings';
import { suggestChange } from '@/lib/server/moderation/suggest-change';
import { testDb } from '../factories';
import { apply, claim } from './apply-ops';
import { nodeNote, sendSocial } from './team-map';

/** Shared by the tests of exporting and erasing a person's data. */

type User = Actor & { kind: 'user' };
const unique = () => randomBytes(5).toString('hex');

async function person(name: string) {
  const row = await testDb().user.create({
    data: {
      name,
      email: `${name.toLowerCase()}-${unique()}@example.test`,
      passwordHash: `$2b$10$${unique()}secrethashsecrethash`,
    },
  });
  return { ...row, actor: { kind: 'user', userId: row.id } as User };
}

/**
 * A class taught by Tess with students Ada and Ben (team Red) and Cy (team
 * Blue), working on one class map, plus Ada's own map outside the class
 * (Ben joined it) and her sign-in traces. Ada has done one of everything a
 * student can: claims and a connection, comments (one Ben answered, one
 * mentioning Ben), a team note, a flow entry and a ballot, a
 * suggestion and a flag (she moderates the map and declined one of Ben's); Ben assigned her
 * a note, @mentioned her and scored her as a speaker. Her texts all contain
 * "ADA-SAYS" and Cy's secret "BLUE-SECRET", to look for in exports.
 */
export async function buildPrivacyWorld() {
  const [tess, ada, ben, cy] = await Promise.all(
    ['Tess', 'Ada', 'Ben', 'Cy'].map((n) => person(n)),
  );
  const classroom = await testDb().classroom.create({
    data: { name: `Debate ${unique()}`, teacherId: tess!.id, joinCode: `P-${unique()}` },
  });
  await testDb().classroomMember.createMany({
    data: [
      { classroomId: classroom.id, userId: tess!.id, role: 'TEACHER' },
      ...[ada!, ben!, cy!].map((s) => ({
        classroomId: classroom.id,
        userId: s.id,
        role: 'STUDENT' as const,
      })),
    ],
  });
  const map = await testDb().argumentMap.create({
    data: {
      title: 'Class map',
      motion: 'This house would erase',
      ownerId: tess!.id,
      classroomId: classroom.id,
    },
  });
  await testDb().mapMember.create({ data: { mapId: map.id, userId: tess!.id, role: 'OWNER' } });
  const [red, blue] = await Promise.all(
    [
      { name: 'Red', side: 'FOR' as const },
      { name: 'Blue', side: 'AGAINST' as const },
    ].map((t) => testDb().team.create({ data: { mapId: map.id, color: '#b91c1c', ...t } })),
  );
  await testDb().teamMember.createMany({
    data: [
      { teamId: red!.id, userId: ada!.id },
      { teamId: red!.id, userId: ben!.id },
      { teamId: blue!.id, userId: cy!.id },
    ],
  });

  // The shared map: Tess's motion claim, Ada's claim under it, Ben's objection to hers.
  const [tessClaim, adaClaim, benClaim] = [randomUUID(), randomUUID(), randomUUID()];
  await apply(tess!.actor, map.id, [claim(tessClaim, 'Erasure is a right')]);
  await apply(ada!.actor, map.id, [
    claim(adaClaim, 'ADA-SAYS schools must delete on request'),
    {
      type: 'createEdge',
      id: randomUUID(),
      fromId: adaClaim,
      toId: tessClaim,
      relation: 'SUPPORTS',
    },
  ]);
  await apply(ben!.actor, map.id, [
    claim(benClaim, 'Backups keep it for a while'),
    { type: 'createEdge', id: randomUUID(), fromId: benClaim, toId: adaClaim, relation: 'ATTACKS' },
  ]);

  // Comments: a thread Ada opened and Ben answered, a lone one of hers, Ben's @mention of her.
  const [adaThread, adaLone, benReply, benMention] = [
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
  ];
  await sendSocial(ada!.actor, map.id, [
    {
      type: 'addComment',
      id: adaThread,
      nodeId: tessClaim,
      body: 'ADA-SAYS where is the source?',
      mentions: [ben!.id],
    },
  ]);
  await sendSocial(ada!.actor, map.id, [
    { type: 'addComment', id: adaLone, nodeId: adaClaim, body: 'ADA-SAYS my own note to all' },
  ]);
  await sendSocial(ada!.actor, map.id, [
    { type: 'editComment', id: adaLone, body: 'ADA-SAYS edited', mentions: [], baseVersion: 1 },
  ]);
  await sendSocial(ben!.actor, map.id, [
    { type: 'addComment', id: benReply, parentId: adaThread, body: 'Ben answers: in the article' },
  ]);
  await sendSocial(ben!.actor, map.id, [
    {
      type: 'addComment',
      id: benMention,
      nodeId: adaClaim,
      body: 'Ben asks Ada to check',
      mentions: [ada!.id],
    },
  ]);

  // Team layers: Ada's note, Ben's assignment to her, Cy's secret on Blue.
  await sendSocial(ada!.actor, map.id, [nodeNote(adaClaim, red!.id, 'ADA-SAYS our best line')]);
  await sendSocial(ben!.actor, map.id, [nodeNote(benClaim, red!.id, 'Ben: rebut backups')]);
  await sendSocial(ben!.actor, map.id, [
    {
      type: 'upsertAnnotation',
      id: randomUUID(),
      teamId: red!.id,
      target: { kind: 'NODE', nodeId: benClaim },
      kind: 'ASSIGNMENT',
      assigneeId: ada!.id,
    },
  ]);
  await sendSocial(cy!.actor, map.id, [nodeNote(tessClaim, blue!.id, 'BLUE-SECRET concede it')]);

  // A round: Ada judged it and wrote in the flow; Tess's ballot scores her as a speaker.
  const round = await testDb().round.create({
    data: {
      mapId: map.id,
      number: 1,
      motion: 'THW erase',
      format: {},
      clock: {},
      createdById: tess!.id,
    },
  });
  await testDb().roundJudge.create({ data: { roundId: round.id, userId: ada!.id } });
  await testDb().flowEntry.create({
    data: {
      id: randomUUID(),
      roundId: round.id,
      speech: 0,
      text: 'ADA-SAYS flowed',
      authorId: ada!.id,
    },
  });
  await testDb().ballot.create({
    data: {
      roundId: round.id,
      judgeId: ada!.id,
      decision: { winner: 'gov' },
      reason: 'ADA-SAYS gov won',
    },
  });
  await testDb().ballot.create({
    data: {
      roundId: round.id,
      judgeId: tess!.id,
      decision: { winner: 'opp' },
      speakers: [{ position: 'gov', speaker: 1, userId: ada!.id, points: 75 }],
    },
  });

  // Moderation: Tess asks for approval and makes Ada a moderator; Ada suggests a card and
  // flags Ben's, and declines a suggestion of Ben's.
  await changeModerationSettings(tess!.actor, map.id, { requireApproval: true });
  await changeModerationSettings(tess!.actor, map.id, { addModerator: ada!.id });
  const adaNew = randomUUID();
  await suggestChange(ada!.actor, map.id, {
    ops: [
      claim(adaNew, 'ADA-SAYS suggested card'),
      {
        type: 'createEdge',
        id: randomUUID(),
        fromId: adaNew,
        toId: tessClaim,
        relation: 'SUPPORTS',
      },
    ],
  });
  const benSuggestion = await suggestChange(ben!.actor, map.id, {
    ops: [claim(randomUUID(), 'Ben suggests this')],
  });
  await decideSuggestion(ada!.actor, map.id, benSuggestion.id, {
    action: 'decline',
    reason: 'Ada declines',
  });
  await flagCard(ada!.actor, map.id, { nodeId: benClaim, reason: 'ADA-SAYS flag' });
  // Off again (the suggestions still wait): the tests go on editing the map as students.
  await changeModerationSettings(tess!.actor, map.id, { requireApproval: false });

  // Ada's own map, which Ben joined, and her sign-in traces.
  const own = await testDb().argumentMap.create({
    data: { title: 'Ada private prep', motion: 'Mine', ownerId: ada!.id },
  });
  await testDb().mapMember.createMany({
    data: [
      { mapId: own.id, userId: ada!.id, role: 'OWNER' },
      { mapId: own.id, userId: ben!.id, role: 'EDITOR' },
    ],
  });
  await apply(ada!.actor, own.id, [claim(randomUUID(), 'ADA-SAYS outside the class')]);
  await testDb().session.create({
    data: { userId: ada!.id, sessionToken: unique(), expires: new Date(Date.now() + 3_600_000) },
  });
  await testDb().account.create({
    data: { userId: ada!.id, type: 'oauth', provider: 'github', providerAccountId: unique() },
  });
  await testDb().rateLimit.create({
    data: { key: `signInsPerAccount:${ada!.email!.toLowerCase()}`, points: 1 },
  });

  return {
    tess: tess!,
    ada: ada!,
    ben: ben!,
    cy: cy!,
    classroom,
    map,
    own,
    red: red!,
    blue: blue!,
    round,
    comments: { adaThread, adaLone, benReply, benMention },
    claims: { tessClaim, adaClaim, benClaim },
  };
}
