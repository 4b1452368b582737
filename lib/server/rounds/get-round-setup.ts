import 'server-only';
import { PRESETS } from '../../domain/formats';
import { ZFormat, type Format } from '../../domain/formats/schema';
import { authorizeMap, authorizeRoundsOfMap, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { listMapPeople } from '../maps/list-map-people';
import type { RoundSummary } from '../../domain/rounds/views';
import { readMapRoundList } from './list-rounds';

export type RoundSetup = {
  map: { id: string; title: string; motion: string };
  /** Whether this reader may make rounds here (the map's managers, the class's teacher). */
  manage: boolean;
  rounds: RoundSummary[];
  /** The map's log position the rounds are as of: the page's stream resumes after it. */
  seq: number;
  /** For the new-round form (empty when the reader may not make one). */
  formats: { value: string; format: Format }[];
  teams: { id: string; name: string; side: string }[];
  people: { id: string; name: string }[];
};

/** The rounds page of a map: its rounds, and what a new one is made of. */
export async function getRoundSetup(actor: Actor, mapId: string): Promise<RoundSetup> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  const manage = await authorizeRoundsOfMap(actor, mapId).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'FORBIDDEN') return false;
      throw error;
    },
  );
  const [map, { seq, rounds }] = await Promise.all([
    db().argumentMap.findUniqueOrThrow({
      where: { id: mapId },
      select: { id: true, title: true, motion: true },
    }),
    readMapRoundList(actor, mapId),
  ]);
  if (!manage) return { map, manage, rounds, seq, formats: [], teams: [], people: [] };
  const [own, teams, people] = await Promise.all([
    access.map.classroomId
      ? db().classFormat.findMany({
          where: { classroomId: access.map.classroomId },
          select: { id: true, definition: true },
          orderBy: { createdAt: 'asc' },
        })
      : [],
    db().team.findMany({
      where: { mapId },
      select: { id: true, name: true, side: true },
      orderBy: { createdAt: 'asc' },
    }),
    listMapPeople(mapId),
  ]);
  const formats = [
    ...own.flatMap((f) => {
      const parsed = ZFormat.safeParse(f.definition);
      return parsed.success ? [{ value: `class:${f.id}`, format: parsed.data }] : [];
    }),
    ...PRESETS.map((format) => ({ value: `preset:${format.key}`, format })),
  ];
  return { map, manage, rounds, seq, formats, teams, people };
}
