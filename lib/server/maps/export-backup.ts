import 'server-only';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../domain/backup';
import type { Actor } from '../authz';
import { getSocialView } from '../social/get-social-view';
import { getMapSnapshot } from './get-map-snapshot';
import { readArgdownExtras } from './argdown-extras';
import { readNodeTitles } from './node-titles';

/**
 * A JSON backup of a map as this reader sees it, with their own team's
 * layer and no other: an owner who can show every layer still exports only
 * the layer of the team they are on (if any).
 */
export async function exportBackup(actor: Actor, mapId: string): Promise<Backup> {
  const [snapshot, social] = await Promise.all([
    getMapSnapshot(actor, mapId),
    getSocialView(actor, mapId),
  ]);
  const [titles, extras] = await Promise.all([readNodeTitles(mapId), readArgdownExtras(mapId)]);
  const mine = social.layers.find((l) => l.mine && l.teamId === social.myTeam?.id) ?? null;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    map: {
      title: snapshot.title,
      motion: snapshot.motion,
      description: snapshot.description,
      tagColors: snapshot.tagColors,
      sections: extras.sections,
      argdownFrontmatter: extras.frontmatter,
    },
    sources: snapshot.sources.map((s) => ({ ...s })),
    nodes: snapshot.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      text: n.text,
      side: n.side,
      x: n.x,
      y: n.y,
      anchor: n.anchor,
      card: n.card,
      title: titles.get(n.id) ?? null,
      tags: n.tags,
      section: extras.nodeSection.get(n.id) ?? null,
      argdownData: extras.nodeData.get(n.id) ?? null,
    })),
    edges: snapshot.edges.map((e) => ({
      id: e.id,
      fromId: e.fromId,
      toId: e.toId,
      relation: e.relation,
      groupId: e.groupId,
      scheme: e.scheme,
      schemeName: e.schemeName,
      answers: e.answers,
    })),
    teamLayer: mine
      ? {
          name: mine.name,
          side: mine.side as Backup['nodes'][number]['side'],
          annotations: mine.annotations
            .filter((a) => a.kind !== 'ASSIGNMENT')
            .map((a) => ({
              target: a.target,
              kind: a.kind,
              body: a.body,
              rating: a.rating,
              tag: a.tag,
              marks: a.marks,
            })),
        }
      : null,
  };
}
