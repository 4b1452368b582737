import 'server-only';
import {
  SOCIAL_AREAS,
  type AnnotationTarget,
  type AnnotationView,
  type CommentView,
  type SocialArea,
  type SocialHistory,
  type SocialView,
} from '../../domain/social';
import { cardOf } from '../../domain/evidence/card';
import { avatarColour } from '../../domain/people';
import { authorizeMap, can, teamLayerAccess, type Actor } from '../authz';
import { db } from '../db';
import { peopleAsSeenBy, type PeopleLens } from '../maps/display-names';
import { listMapPeople } from '../maps/list-map-people';
import { peopleInSocialOps, socialOpsAsSeenBy } from './social-op-people';
import { getSocialHistory } from './get-social-history';
import { SHOWN_COMMENT } from './write-comment';

/**
 * The map's comments and the team layers this reader may see. This is where
 * team privacy is enforced, at the query: a student gets their own team's
 * layer only; the map's owner may see every team's; once the owner reveals
 * the layers, every member sees them all, read-only. A share-link visitor
 * or anyone on no team gets no layer at all.
 */
export async function getSocialView(
  actor: Actor,
  mapId: string,
  options: { withHistory?: boolean } = {},
): Promise<SocialView> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  const userId = actor.kind === 'user' ? actor.userId : null;
  const [layers, myTeam] = await Promise.all([
    teamLayerAccess(actor, access, mapId),
    userId
      ? db().team.findFirst({
          where: { mapId, members: { some: { userId } } },
          select: {
            id: true,
            members: { select: { user: { select: { id: true, name: true, email: true } } } },
          },
        })
      : null,
  ]);
  const visibleTeams = layers.all ? undefined : layers.teamIds;

  const canComment = can(access, 'map:comment') && actor.kind === 'user';
  // Read first: everything read after it is at least this new, and changes
  // after it reach the page on the stream (lib/domain/social.ts, SocialChanges).
  const { lastSeq } = await db().argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: { lastSeq: true },
  });
  const [comments, teams, annotations, people, notesElsewhere] = await Promise.all([
    db().comment.findMany({
      where: { mapId, ...SHOWN_COMMENT },
      orderBy: { createdAt: 'asc' },
      include: COMMENT_INCLUDE,
    }),
    db().team.findMany({
      where: { mapId, ...(visibleTeams && { id: { in: visibleTeams } }) },
      orderBy: { name: 'asc' },
    }),
    visibleTeams && visibleTeams.length === 0
      ? []
      : db().annotation.findMany({
          where: { mapId, deletedAt: null, ...(visibleTeams && { teamId: { in: visibleTeams } }) },
          orderBy: { updatedAt: 'asc' },
          include: ANNOTATION_INCLUDE,
        }),
    // The roster is for people who can write a mention, not for link visitors.
    canComment ? listMapPeople(mapId) : [],
    userId ? notesLeftWithOtherTeams(mapId, userId, myTeam?.id ?? null) : [],
  ]);
  const history = !options.withHistory
    ? undefined
    : userId
      ? await getSocialHistory(mapId, userId, myTeam?.id ?? null)
      : { comments: { undo: [], redo: [] }, notes: { undo: [], redo: [] } };
  const historyOps = history ? SOCIAL_AREAS.flatMap((area) => stepsOps(history[area])) : [];
  const lens = await peopleAsSeenBy(actor, access, [
    ...comments.flatMap((c) => [c.authorId, ...(c.mentions ?? [])]),
    ...annotations.flatMap((a) => [a.authorId, a.assigneeId]),
    ...people.map((p) => p.id),
    ...(myTeam?.members.map((m) => m.user.id) ?? []),
    ...peopleInSocialOps(historyOps),
  ]);

  return {
    seq: lastSeq,
    viewerId: userId,
    comments: comments.map((c) => commentView(c, lens)),
    layers: teams.map((t) => ({
      teamId: t.id,
      name: t.name,
      color: t.color,
      side: t.side,
      mine: t.id === myTeam?.id,
      annotations: annotations.filter((a) => a.teamId === t.id).map((a) => annotationView(a, lens)),
    })),
    people: mentionable(people, lens),
    myTeam: myTeam
      ? {
          id: myTeam.id,
          members: myTeam.members.map((m) => ({
            id: lens.idOf(m.user.id),
            name: lens.name(m.user.id, m.user),
          })),
        }
      : null,
    notesElsewhere,
    layersRevealed: layers.revealed,
    anonymity: lens.anonymity,
    canComment,
    canSeeAllLayers: can(access, 'map:manage'),
    ...(history && { history: historyAsSeenBy(history, lens) }),
  };
}

const stepsOps = (h: SocialHistory) => [...h.undo, ...h.redo].flatMap((step) => step.ops);

/** The reader's undo and redo steps, naming people as the reader sees them (per-map ids). */
function historyAsSeenBy(
  history: Record<SocialArea, SocialHistory>,
  lens: PeopleLens,
): Record<SocialArea, SocialHistory> {
  const steps = (h: SocialHistory): SocialHistory => ({
    undo: h.undo.map((step) => ({ ...step, ops: socialOpsAsSeenBy(step.ops, lens) })),
    redo: h.redo.map((step) => ({ ...step, ops: socialOpsAsSeenBy(step.ops, lens) })),
  });
  return { comments: steps(history.comments), notes: steps(history.notes) };
}

/**
 * The people one may @mention, by the name a mention writes into the
 * comment, which every reader sees: on an anonymous map a student's
 * pseudonym, with the real name beside it for a teacher to pick by.
 */
function mentionable(people: { id: string; name: string }[], lens: PeopleLens) {
  return people
    .map((p) => {
      const handle = lens.handle(p.id, { name: p.name });
      return {
        id: lens.idOf(p.id),
        name: handle,
        ...(lens.anonymity?.seesNames && handle !== p.name && { realName: p.name }),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/**
 * How many notes the reader wrote in the layers of this map's teams they are
 * no longer on: those stay with the team they were written in, and the
 * reader is told so (the count only, never the notes).
 */
async function notesLeftWithOtherTeams(
  mapId: string,
  userId: string,
  teamId: string | null,
): Promise<SocialView['notesElsewhere']> {
  const counts = await db().annotation.groupBy({
    by: ['teamId'],
    where: { mapId, authorId: userId, deletedAt: null, ...(teamId && { teamId: { not: teamId } }) },
    _count: { _all: true },
  });
  if (counts.length === 0) return [];
  const teams = await db().team.findMany({
    where: { id: { in: counts.map((c) => c.teamId) } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  return teams.map((t) => ({
    teamId: t.id,
    name: t.name,
    count: counts.find((c) => c.teamId === t.id)!._count._all,
  }));
}

/** What a comment's view needs besides its row. */
export const COMMENT_INCLUDE = {
  author: { select: { name: true, email: true, avatarColor: true } },
} as const;

type CommentRow = {
  id: string;
  nodeId: string | null;
  edgeId: string | null;
  parentId: string | null;
  authorId: string | null;
  body: string;
  mentions: string[] | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  resolvedAt: Date | null;
  deletedAt: Date | null;
  author: { name: string | null; email: string | null; avatarColor: string | null } | null;
};

/** A comment as every reader of the map sees it; a deleted one (still shown above its replies) keeps nothing of what it said or who said it. */
export function commentView(c: CommentRow, people: PeopleLens): CommentView {
  if (c.deletedAt)
    return {
      id: c.id,
      nodeId: c.nodeId,
      edgeId: c.edgeId,
      parentId: c.parentId,
      authorId: null,
      authorName: '',
      authorColor: avatarColour(null),
      body: '',
      mentions: [],
      createdAt: c.createdAt.toISOString(),
      editedAt: null,
      version: c.version,
      resolved: c.resolvedAt !== null,
      deleted: true,
    };
  return {
    id: c.id,
    nodeId: c.nodeId,
    edgeId: c.edgeId,
    parentId: c.parentId,
    authorId: people.idOf(c.authorId),
    authorName: people.name(c.authorId, c.author),
    authorColor: people.color(c.authorId, c.author),
    body: c.body,
    mentions: (c.mentions ?? []).map((id) => people.idOf(id)),
    createdAt: c.createdAt.toISOString(),
    editedAt: c.version > 1 && !c.resolvedAt ? c.updatedAt.toISOString() : null,
    version: c.version,
    resolved: c.resolvedAt !== null,
    deleted: false,
  };
}

/** What an annotation's view needs besides its row. */
export const ANNOTATION_INCLUDE = {
  author: { select: { name: true, email: true } },
  assignee: { select: { name: true, email: true } },
} as const;

type AnnotationTargetRow = {
  targetType: 'NODE' | 'EDGE' | 'SOURCE';
  nodeId: string | null;
  edgeId: string | null;
  sourceId: string | null;
  quoteExact: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
};

/** An annotation row's target, as ops and views name it. */
export function annotationTargetOf(a: AnnotationTargetRow): AnnotationTarget {
  return a.targetType === 'NODE'
    ? { kind: 'NODE', nodeId: a.nodeId! }
    : a.targetType === 'EDGE'
      ? { kind: 'EDGE', edgeId: a.edgeId! }
      : {
          kind: 'SOURCE',
          sourceId: a.sourceId!,
          start: a.quoteStart ?? 0,
          end: a.quoteEnd ?? 0,
          exact: a.quoteExact ?? '',
        };
}

type AnnotationRow = AnnotationTargetRow & {
  id: string;
  teamId: string;
  kind: AnnotationView['kind'];
  body: string;
  rating: number | null;
  tag: string | null;
  assigneeId: string | null;
  authorId: string | null;
  marks: unknown;
  updatedAt: Date;
  author: { name: string | null; email: string | null } | null;
  assignee: { name: string | null; email: string | null } | null;
};

/** A note as its team (and, once revealed, every member) sees it. */
export function annotationView(a: AnnotationRow, people: PeopleLens): AnnotationView {
  return {
    id: a.id,
    teamId: a.teamId,
    target: annotationTargetOf(a),
    kind: a.kind,
    body: a.body,
    rating: a.rating,
    tag: a.tag,
    assigneeId: people.idOf(a.assigneeId),
    assigneeName: a.assignee ? people.name(a.assigneeId, a.assignee) : null,
    marks: a.kind === 'CUT' ? cardOf(a.marks) : null,
    authorName: people.name(a.authorId, a.author),
    updatedAt: a.updatedAt.toISOString(),
  };
}
