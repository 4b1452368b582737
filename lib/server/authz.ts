import 'server-only';
import type { Prisma } from '../generated/prisma/client';
import type { MapRole } from '../generated/prisma/enums';
import { db } from './db';
import { AppError } from './errors';
import { announce } from './realtime/bus';

/**
 * The one place that decides who may do what. Every route, server action and
 * stream asks `authorizeMap` (or `can` with a loaded resource) before it
 * reads or writes a map's objects; nothing is queried by id without it.
 */

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string }
  | { kind: 'share-link'; linkId: string; mapId: string; role: MapRole };

export type MapAction = 'map:read' | 'map:comment' | 'map:edit' | 'map:manage';
/** Rating a claim's impact: anyone who may comment (a class's students edit, so they vote). */
export type VoteAction = 'map:vote';

/**
 * The role a classroom's members get on the class's maps: students build the
 * shared map together, so they edit it; an explicit membership or a share
 * link may give more, never less.
 */
const CLASS_MAP_ROLE: MapRole = 'EDITOR';

/** What `can` needs to know about a map and the actor's standing on it. */
export type MapAccess = {
  map: {
    id: string;
    isPublic: boolean;
    ownerId: string;
    classroomId: string | null;
    /**
     * Read with the rest, as of this request: whether the map holds
     * students' changes for approval, and since when it is anonymous (null:
     * it is not). Every edit and every list of names asks, so they cost no
     * read of their own.
     */
    requireApproval: boolean;
    anonymousSince: Date | null;
  };
  /** The actor's role on this map (membership or link), or null. */
  role: MapRole | null;
};

const RANK: Record<MapRole, number> = { VIEWER: 1, COMMENTER: 2, EDITOR: 3, OWNER: 4 };
const NEEDS: Record<MapAction | VoteAction, number> = {
  'map:read': 1,
  'map:comment': 2,
  'map:edit': 3,
  'map:manage': 4,
  'map:vote': 2,
};

/** Pure decision: may this role (on this map) do this action? */
export function can(access: MapAccess, action: MapAction | VoteAction): boolean {
  if (action === 'map:read' && access.map.isPublic) return true;
  return access.role !== null && RANK[access.role] >= NEEDS[action];
}

/** The higher of two roles (null is no role). */
export function higherRole(a: MapRole | null, b: MapRole | null): MapRole | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** What decides a signed-in user's role on a map. */
type UserStanding = {
  owner: boolean;
  /** An explicit MapMember role. */
  memberRole: MapRole | null;
  /** A member (teacher or student) of the map's classroom. */
  classMember: boolean;
};

/** Pure decision: a signed-in user's role on a map, the highest their standing gives. */
export function userRole({ owner, memberRole, classMember }: UserStanding): MapRole | null {
  if (owner) return 'OWNER';
  return higherRole(memberRole, classMember ? CLASS_MAP_ROLE : null);
}

/** The facts of a MapMember row that decide the role it gives. */
export type Membership = {
  role: MapRole;
  directRole: MapRole | null;
  /** The link the role came from, or null when the owner gave it. */
  link: { revokedAt: Date | null; expiresAt: Date | null } | null;
};

/** Whether a share link still admits anyone: not revoked, not expired. */
export function linkIsLive(
  link: { revokedAt: Date | null; expiresAt: Date | null },
  now = Date.now(),
): boolean {
  return !link.revokedAt && !(link.expiresAt && link.expiresAt.getTime() <= now);
}

/**
 * Pure decision: the role a membership gives. One that came through a share
 * link counts only while the link is live; after that the member keeps only
 * what the owner gave them directly.
 */
export function membershipRole(member: Membership | null, now = Date.now()): MapRole | null {
  if (!member) return null;
  if (!member.link || linkIsLive(member.link, now)) return member.role;
  return member.directRole;
}

/** The same rule as a query filter on MapMember: memberships that give a role now. */
export function liveMembershipWhere(): Prisma.MapMemberWhereInput {
  return {
    OR: [
      { viaShareLinkId: null },
      { directRole: { not: null } },
      {
        viaShareLink: {
          revokedAt: null,
          OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
        },
      },
    ],
  };
}

/**
 * The maps an actor may read, as a query: the same rule as `authorizeMap`
 * with 'map:read' (public maps, and maps the actor has a role on, by
 * ownership, membership, the map's classroom or a live share link), so a
 * listing shows exactly the maps that open. With `publicMaps: false`, only
 * the maps the actor has a role on ("my maps").
 */
export function visibleMapsWhere(
  actor: Actor,
  { publicMaps = true }: { publicMaps?: boolean } = {},
): Prisma.ArgumentMapWhereInput {
  const anyOf: Prisma.ArgumentMapWhereInput[] = publicMaps ? [{ isPublic: true }] : [];
  if (actor.kind === 'user') {
    const userId = actor.userId;
    anyOf.push(
      { ownerId: userId },
      { members: { some: { userId, ...liveMembershipWhere() } } },
      { classroom: { members: { some: { userId } } } },
    );
  }
  if (actor.kind === 'share-link') {
    anyOf.push({
      id: actor.mapId,
      shareLinks: {
        some: {
          id: actor.linkId,
          revokedAt: null,
          OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
        },
      },
    });
  }
  return anyOf.length > 0 ? { OR: anyOf } : { id: { in: [] } };
}

/**
 * A user's membership of a map with the state of the link it came from, in
 * one read (a join: this runs on every request of a member).
 */
async function membershipOf(mapId: string, userId: string): Promise<Membership | null> {
  const [row] = await db().$queryRaw<
    {
      role: MapRole;
      directRole: MapRole | null;
      viaShareLinkId: string | null;
      revokedAt: Date | null;
      expiresAt: Date | null;
    }[]
  >`SELECT m."role"::text AS "role", m."directRole"::text AS "directRole", m."viaShareLinkId",
           l."revokedAt", l."expiresAt"
      FROM "MapMember" m LEFT JOIN "ShareLink" l ON l."id" = m."viaShareLinkId"
     WHERE m."mapId" = ${mapId} AND m."userId" = ${userId}`;
  if (!row) return null;
  return {
    role: row.role,
    directRole: row.directRole,
    link: row.viaShareLinkId ? { revokedAt: row.revokedAt, expiresAt: row.expiresAt } : null,
  };
}

/**
 * An actor's role on a map: owner, explicit member, member of the map's
 * classroom, or share-link holder. Read from the database on every request,
 * so a removed member or student, or a member whose link was revoked or has
 * expired, loses access at once.
 */
async function roleOn(actor: Actor, map: MapAccess['map']): Promise<MapRole | null> {
  switch (actor.kind) {
    case 'anonymous':
      return null;
    case 'share-link': {
      if (actor.mapId !== map.id) return null;
      // Checked again here, not only when the token was read: a link revoked
      // or expired while its holder keeps a page (or a stream) open admits no more.
      const link = await db().shareLink.findUnique({
        where: { id: actor.linkId },
        select: { mapId: true, role: true, revokedAt: true, expiresAt: true },
      });
      const valid = link && link.mapId === map.id && linkIsLive(link);
      // Signed out, any link only reads: commenting and editing need an
      // account, so every comment and change has an author. A signed-in
      // holder of a comment or edit link becomes a member (acceptShareLink).
      return valid ? 'VIEWER' : null;
    }
    case 'user': {
      // The owner outranks every other standing: nothing more to read.
      if (map.ownerId === actor.userId) return 'OWNER';
      const [member, classMember] = await Promise.all([
        membershipOf(map.id, actor.userId),
        map.classroomId
          ? db().classroomMember.findUnique({
              where: { classroomId_userId: { classroomId: map.classroomId, userId: actor.userId } },
              select: { id: true },
            })
          : null,
      ]);
      return userRole({
        owner: false,
        memberRole: membershipRole(member),
        classMember: !!classMember,
      });
    }
  }
}

/**
 * Loads the map's access facts and checks `action`. A map the actor may not
 * read is reported NOT_FOUND, so its existence does not leak; a readable map
 * the actor may not change is FORBIDDEN.
 */
export async function authorizeMap(
  actor: Actor,
  action: MapAction | VoteAction,
  mapId: string,
): Promise<MapAccess> {
  const map = await db().argumentMap.findUnique({
    where: { id: mapId },
    select: {
      id: true,
      isPublic: true,
      ownerId: true,
      classroomId: true,
      requireApproval: true,
      anonymousSince: true,
    },
  });
  if (!map)
    throw new AppError('NOT_FOUND', 'This map does not exist, or you do not have access to it.');
  const access: MapAccess = { map, role: await roleOn(actor, map) };
  if (!can(access, 'map:read'))
    throw new AppError('NOT_FOUND', 'This map does not exist, or you do not have access to it.');
  if (!can(access, action)) {
    if (actor.kind === 'share-link' && actor.mapId === mapId && RANK[actor.role] >= NEEDS[action])
      throw new AppError(
        'UNAUTHENTICATED',
        'Sign in to comment on or edit this map: the link lets you once you are signed in.',
      );
    throw new AppError('FORBIDDEN', 'You do not have permission to do that on this map.');
  }
  return access;
}

/**
 * What one may do in a practice round on a map. Reading follows the map;
 * running a round (creating it, seating teams, the clocks) is for the map's
 * managers and the teacher of its class, and the clocks also for the chair;
 * flowing is for everyone taking part (seated teams, judges) and the map's
 * editors; a ballot is its judge's alone.
 */
export type RoundAction =
  'round:read' | 'round:flow' | 'round:chair' | 'round:judge' | 'round:manage';

export type RoundStanding = {
  /** Manages the map, or teaches the map's class. */
  manager: boolean;
  judge: boolean;
  chair: boolean;
  /** On a team seated in the round. */
  seated: boolean;
};

export type RoundAccess = MapAccess &
  RoundStanding & {
    round: { id: string; mapId: string };
    /** The reader's teams on the map: whose private flow notes they may read and write. */
    teamIds: string[];
  };

/** Pure decision: may this standing in a round do this action? */
export function canInRound(access: MapAccess & RoundStanding, action: RoundAction): boolean {
  if (!can(access, 'map:read')) return false;
  switch (action) {
    case 'round:read':
      return true;
    case 'round:manage':
      return access.manager;
    case 'round:chair':
      return access.manager || access.chair;
    case 'round:judge':
      return access.judge;
    case 'round:flow':
      return access.manager || access.judge || access.seated || can(access, 'map:edit');
  }
}

/** Who teaches a class: its teacher, and its members with the TEACHER role. */
const CLASS_TEACHERS = {
  teacherId: true,
  members: { where: { role: 'TEACHER' }, select: { userId: true } },
} satisfies Prisma.ClassroomSelect;

const classTeachers = (classroom: { teacherId: string; members: { userId: string }[] } | null) =>
  new Set(classroom ? [classroom.teacherId, ...classroom.members.map((m) => m.userId)] : []);

/**
 * Pure decision: does someone with this standing teach on a map (run its
 * rounds, set its tasks and moderation, see real names when it is
 * anonymous)? Its managers (the OWNER role: its owner, or a member given
 * OWNER while that holds) and the teachers of its class. `managesRounds`
 * (one actor) and `mapTeacherIds` (everyone) both decide by it.
 */
function teachesOn({ role, classTeacher }: { role: MapRole | null; classTeacher: boolean }) {
  return classTeacher || (role !== null && RANK[role] >= NEEDS['map:manage']);
}

/** A map's managers, and the teacher of its class: who may run rounds on it. */
async function managesRounds(actor: Actor, access: MapAccess): Promise<boolean> {
  if (teachesOn({ role: access.role, classTeacher: false })) return true;
  if (actor.kind !== 'user' || !access.map.classroomId) return false;
  const classroom = await db().classroom.findUnique({
    where: { id: access.map.classroomId },
    select: CLASS_TEACHERS,
  });
  return teachesOn({ role: access.role, classTeacher: classTeachers(classroom).has(actor.userId) });
}

/**
 * Checks that the actor teaches on a map (its managers, its class's
 * teacher: the same people who run its rounds). Anyone else who may read
 * the map is refused (403, with `refusal`); a map they may not read does
 * not exist for them (404).
 */
async function authorizeTeacher(actor: Actor, mapId: string, refusal: string): Promise<MapAccess> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  if (!(await managesRounds(actor, access))) throw new AppError('FORBIDDEN', refusal);
  return access;
}

/**
 * Whether the actor teaches on a map (its managers, its class's teacher):
 * on an anonymous map, the people who see students' real names.
 */
export const teachesMap = (actor: Actor, access: MapAccess) => managesRounds(actor, access);

/**
 * The people who teach on a map (`teachesOn`): its owner, members with the
 * OWNER role (while their link holds), and its class's teachers. On an
 * anonymous map they keep their own names for everyone; everybody else
 * gets a pseudonym.
 */
export async function mapTeacherIds(
  mapId: string,
  client: Prisma.TransactionClient = db(),
): Promise<Set<string>> {
  const map = await client.argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: {
      ownerId: true,
      // Only a membership that can give OWNER (now, or once its link ends) can make a teacher.
      members: {
        where: { OR: [{ role: 'OWNER' }, { directRole: 'OWNER' }] },
        select: {
          userId: true,
          role: true,
          directRole: true,
          viaShareLink: { select: { revokedAt: true, expiresAt: true } },
        },
      },
      classroom: { select: CLASS_TEACHERS },
    },
  });
  const teachers = classTeachers(map.classroom);
  const members = new Map(map.members.map((m) => [m.userId, m]));
  const candidates = new Set([map.ownerId, ...members.keys(), ...teachers]);
  return new Set(
    [...candidates].filter((userId) => {
      const member = members.get(userId);
      // Their role from owning the map or a membership of it, as roleOn reads it; the class
      // gives its members EDITOR at most, never a teacher's standing, so it is left out here.
      const role = userRole({
        owner: userId === map.ownerId,
        memberRole: member
          ? membershipRole({
              role: member.role,
              directRole: member.directRole,
              link: member.viaShareLink,
            })
          : null,
        classMember: false,
      });
      return teachesOn({ role, classTeacher: teachers.has(userId) });
    }),
  );
}

/**
 * Who may turn on a map's anonymous mode: its managers and its class's
 * teacher. Nobody may turn it off (anonymous-mode.ts refuses it).
 */
export const authorizeAnonymity = (actor: Actor, mapId: string) =>
  authorizeTeacher(
    actor,
    mapId,
    'Only the map’s owner or the class’s teacher can make the map anonymous.',
  );

/** Who sets a map's tasks, reads every student's progress and writes their feedback. */
export const authorizeTeaching = (actor: Actor, mapId: string) =>
  authorizeTeacher(
    actor,
    mapId,
    'Only the map’s owner or the class’s teacher can set tasks and see the class’s progress.',
  );

/** Who may create rounds on a map. */
export const authorizeRoundsOfMap = (actor: Actor, mapId: string) =>
  authorizeTeacher(actor, mapId, 'Only the map’s owner or the class’s teacher can run rounds.');

/** Who turns a map's approval mode on or off and makes students its moderators. */
export const authorizeModerationSettings = (actor: Actor, mapId: string) =>
  authorizeTeacher(
    actor,
    mapId,
    'Only the map’s owner or the class’s teacher can change how the map is moderated.',
  );

/** What decides whether a person's changes to a map are held as suggestions. */
export type ModerationStanding = {
  /** The map asks for approval of students' changes. */
  requireApproval: boolean;
  /** Sets approval mode and moderators: the map's managers and the class's teacher. */
  manager: boolean;
  /** Decides suggestions and flags: the managers, and the students they appointed. */
  moderator: boolean;
};

/**
 * Pure decision: is this content change held for approval? Only while the
 * map asks for it and only for people who do not moderate it. Moving cards
 * is never held (it changes no one's words, and merges like any move).
 */
export function heldForApproval(standing: ModerationStanding, opTypes: readonly string[]): boolean {
  return standing.requireApproval && !standing.moderator && opTypes.some((t) => t !== 'moveNodes');
}

/** The actor's moderation standing on a map they may already read. */
export async function moderationStanding(
  actor: Actor,
  access: MapAccess,
): Promise<ModerationStanding> {
  const [manager, appointed] = await Promise.all([
    managesRounds(actor, access),
    actor.kind === 'user'
      ? db().mapModerator.findUnique({
          where: { mapId_userId: { mapId: access.map.id, userId: actor.userId } },
          select: { id: true },
        })
      : null,
  ]);
  // An appointed moderator decides only while they may edit the map themselves:
  // approving and deleting from the queue write cards.
  const moderator = manager || (!!appointed && can(access, 'map:edit'));
  return { requireApproval: access.map.requireApproval, manager, moderator };
}

/**
 * Refuses a batch of map changes that the map holds for approval from this
 * actor (NEEDS_APPROVAL, 403): the page sends such changes as suggestions.
 */
export async function refuseHeldChanges(
  actor: Actor,
  access: MapAccess,
  opTypes: readonly string[],
): Promise<void> {
  // Every edit comes this way: moves, and maps that hold nothing (most),
  // cost no read at all (authorizeMap read the mode with the map).
  if (
    !heldForApproval(
      { requireApproval: access.map.requireApproval, manager: false, moderator: false },
      opTypes,
    )
  )
    return;
  if (heldForApproval(await moderationStanding(actor, access), opTypes))
    throw new AppError(
      'NEEDS_APPROVAL',
      'This map asks for approval of your changes: suggest them, and a moderator will approve them.',
    );
}

/** Access to a map checked to be a moderator's: decides suggestions and flags. */
export type ModeratorAccess = MapAccess & { moderator: true };

/**
 * Checks that the actor, who may already read the map (`access` from
 * authorizeMap), moderates it: FORBIDDEN otherwise.
 */
export async function asModerator(actor: Actor, access: MapAccess): Promise<ModeratorAccess> {
  if (!(await moderationStanding(actor, access)).moderator)
    throw new AppError(
      'FORBIDDEN',
      'Only the map’s owner, the class’s teacher and the map’s moderators can do that.',
    );
  return { ...access, moderator: true };
}

/** Who sees a map's moderation queue and decides suggestions and flags. */
export async function authorizeModerating(actor: Actor, mapId: string): Promise<ModeratorAccess> {
  return asModerator(actor, await authorizeMap(actor, 'map:read', mapId));
}

/** Who may present a map to its readers (follow mode, spotlight); everyone who reads it may follow. */
export const authorizePresenting = (actor: Actor, mapId: string) =>
  authorizeTeacher(actor, mapId, 'Only the map’s owner or the class’s teacher can present it.');

/**
 * Loads a round with the actor's standing in it and checks `action`. A
 * round on a map the actor may not read does not exist for them.
 */
export async function authorizeRound(
  actor: Actor,
  action: RoundAction,
  roundId: string,
): Promise<RoundAccess> {
  const round = await db().round.findUnique({
    where: { id: roundId },
    select: { id: true, mapId: true },
  });
  if (!round)
    throw new AppError('NOT_FOUND', 'This round does not exist, or you do not have access to it.');
  const access = await authorizeMap(actor, 'map:read', round.mapId);
  const userId = actor.kind === 'user' ? actor.userId : null;
  const [manager, judge, teams] = await Promise.all([
    managesRounds(actor, access),
    userId
      ? db().roundJudge.findUnique({
          where: { roundId_userId: { roundId, userId } },
          select: { chair: true },
        })
      : null,
    userId
      ? db().teamMember.findMany({
          where: { userId, team: { mapId: round.mapId } },
          select: { teamId: true, team: { select: { seats: { where: { roundId } } } } },
        })
      : [],
  ]);
  const standing: RoundAccess = {
    ...access,
    round,
    manager,
    judge: !!judge,
    chair: !!judge?.chair,
    seated: teams.some((t) => t.team.seats.length > 0),
    teamIds: teams.map((t) => t.teamId),
  };
  if (!canInRound(standing, action)) {
    if (actor.kind !== 'user')
      throw new AppError('UNAUTHENTICATED', 'Sign in to take part in this round.');
    throw new AppError('FORBIDDEN', ROUND_REFUSALS[action]);
  }
  return standing;
}

const ROUND_REFUSALS: Record<RoundAction, string> = {
  'round:read': 'You cannot see this round.',
  'round:flow': 'Only the round’s teams, its judges and the map’s editors can flow it.',
  'round:chair': 'Only the chair or the teacher runs the clocks.',
  'round:judge': 'Only a judge of this round fills in a ballot.',
  'round:manage': 'Only the map’s owner or the class’s teacher can change the round.',
};

export type ClassroomAction = 'classroom:read' | 'classroom:manage';
export type ClassroomAccess = {
  classroom: { id: string; name: string; teacherId: string; joinCode: string };
  role: 'TEACHER' | 'STUDENT';
};

/**
 * Classrooms: the teacher (its creator, or a member with the TEACHER role)
 * manages it; students read it. Anyone else is told it does not exist.
 */
export async function authorizeClassroom(
  actor: Actor,
  action: ClassroomAction,
  classroomId: string,
): Promise<ClassroomAccess> {
  const hidden = new AppError('NOT_FOUND', 'This classroom does not exist, or you are not in it.');
  if (actor.kind !== 'user')
    throw actor.kind === 'anonymous'
      ? new AppError('UNAUTHENTICATED', 'Sign in to see your classrooms.')
      : hidden;
  const classroom = await db().classroom.findUnique({
    where: { id: classroomId },
    select: { id: true, name: true, teacherId: true, joinCode: true },
  });
  if (!classroom) throw hidden;
  let role: ClassroomAccess['role'] | null =
    classroom.teacherId === actor.userId ? 'TEACHER' : null;
  if (!role) {
    const member = await db().classroomMember.findUnique({
      where: { classroomId_userId: { classroomId, userId: actor.userId } },
      select: { role: true },
    });
    role = member?.role ?? null;
  }
  if (!role) throw hidden;
  if (action === 'classroom:manage' && role !== 'TEACHER')
    throw new AppError('FORBIDDEN', 'Only the teacher can do that.');
  return { classroom, role };
}

/** Which teams' private layers (notes, ratings, tags) a reader of a map may see. */
export type TeamLayerAccess = {
  /** Whether the owner has revealed every team's layer to the map's members. */
  revealed: boolean;
  /** Every team's layer: the map's managers, and every member once revealed. */
  all: boolean;
  /** Otherwise, the teams the reader is on (none for a link visitor). */
  teamIds: string[];
};

/**
 * The one rule for team layers, used by the social view and by the stream's
 * filter of team-private batches alike: a team's annotations never reach
 * anyone else until the owner reveals them, and never reach a visitor who is
 * not a member of the map.
 */
export async function teamLayerAccess(
  actor: Actor,
  access: MapAccess,
  mapId: string,
): Promise<TeamLayerAccess> {
  const userId = actor.kind === 'user' ? actor.userId : null;
  const [map, memberships] = await Promise.all([
    db().argumentMap.findUniqueOrThrow({ where: { id: mapId }, select: { layersRevealed: true } }),
    userId
      ? db().teamMember.findMany({ where: { userId, team: { mapId } }, select: { teamId: true } })
      : [],
  ]);
  const memberOfMap = userId !== null && access.role !== null;
  return {
    revealed: map.layersRevealed,
    all: can(access, 'map:manage') || (map.layersRevealed && memberOfMap),
    teamIds: memberships.map((m) => m.teamId),
  };
}

/**
 * Says that who may read a map (or the maps of a class) changed, once the
 * change has committed: open streams of those maps re-check their reader's
 * access and team layers at once, in every process (map-stream.ts), instead
 * of polling.
 */
export async function accessChanged(
  scope: { mapId: string } | { classroomId: string },
): Promise<void> {
  const mapIds =
    'mapId' in scope
      ? [scope.mapId]
      : (
          await db().argumentMap.findMany({
            where: { classroomId: scope.classroomId },
            select: { id: true },
          })
        ).map((m) => m.id);
  for (const mapId of mapIds) await announce(db(), { type: 'access', mapId });
}
