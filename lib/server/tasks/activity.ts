import 'server-only';
import { db } from '../db';

/** What a person did on a map, read from its op log. */
export type Activity = {
  /** Cards added other than evidence (claims, reasons, objections, rebuttals, questions). */
  claims: number;
  evidence: number;
  comments: number;
  votes: number;
  /** Seconds active (the rule below). */
  activeSeconds: number;
};

/** Batches closer together than this are one stretch of work. */
const SESSION_GAP_SECONDS = 5 * 60;
/** What a stretch of work counts for at the least: a single batch is a minute's reading and writing. */
const SESSION_MINIMUM_SECONDS = 60;

export const NO_ACTIVITY: Activity = {
  claims: 0,
  evidence: 0,
  comments: 0,
  votes: 0,
  activeSeconds: 0,
};

/**
 * Everyone's activity on a map, from its op log, in one query (the log is
 * never loaded into memory): cards added (createNode ops of a batch sent to
 * do something, not an undo or redo), comments (addComment ops of social
 * batches), votes (the ops of 'vote' batches) and time active. Time active
 * is the sum of the gaps under five minutes between a person's consecutive
 * batches, plus one minute for each stretch of work (a first batch, or one
 * after a longer gap).
 */
export async function activityOnMap(mapId: string): Promise<Map<string, Activity>> {
  const rows = await db().$queryRaw<
    {
      actorId: string;
      claims: number;
      evidence: number;
      comments: number;
      votes: number;
      activeSeconds: number;
    }[]
  >`
    WITH batches AS (
      SELECT o."actorId", o."createdAt", o."op"
        FROM "MapOp" o
       WHERE o."mapId" = ${mapId} AND o."actorId" IS NOT NULL
    ),
    counts AS (
      SELECT b."actorId",
             count(*) FILTER (WHERE b.op->>'kind' IS NULL AND coalesce(b.op->>'intent', 'do') = 'do'
                                AND e->>'type' = 'createNode' AND e->>'kind' <> 'EVIDENCE') AS claims,
             count(*) FILTER (WHERE b.op->>'kind' IS NULL AND coalesce(b.op->>'intent', 'do') = 'do'
                                AND e->>'type' = 'createNode' AND e->>'kind' = 'EVIDENCE') AS evidence,
             count(*) FILTER (WHERE b.op->>'kind' = 'social' AND e->>'type' = 'addComment') AS comments,
             count(*) FILTER (WHERE b.op->>'kind' = 'vote') AS votes
        FROM batches b
        CROSS JOIN LATERAL jsonb_array_elements(
          CASE WHEN jsonb_typeof(b.op->'ops') = 'array' THEN b.op->'ops' ELSE '[]'::jsonb END
        ) e
       GROUP BY b."actorId"
    ),
    gaps AS (
      SELECT "actorId",
             EXTRACT(EPOCH FROM "createdAt" - lag("createdAt") OVER (PARTITION BY "actorId" ORDER BY "createdAt")) AS gap
        FROM batches
    ),
    active AS (
      SELECT "actorId",
             coalesce(sum(gap) FILTER (WHERE gap < ${SESSION_GAP_SECONDS}), 0)
               + ${SESSION_MINIMUM_SECONDS} * count(*) FILTER (WHERE gap IS NULL OR gap >= ${SESSION_GAP_SECONDS}) AS seconds
        FROM gaps
       GROUP BY "actorId"
    )
    SELECT a."actorId",
           coalesce(c.claims, 0)::int AS claims,
           coalesce(c.evidence, 0)::int AS evidence,
           coalesce(c.comments, 0)::int AS comments,
           coalesce(c.votes, 0)::int AS votes,
           round(a.seconds)::int AS "activeSeconds"
      FROM active a LEFT JOIN counts c ON c."actorId" = a."actorId"`;
  return new Map(rows.map(({ actorId, ...activity }) => [actorId, activity]));
}
