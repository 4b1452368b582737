'use client';

import type { useSocial } from '@/lib/client/use-social';
import type { GraphEdge, GraphNode, MapSnapshot, SourceDoc } from '@/lib/domain/types';
import { useMemo } from 'react';
import { NodeRounds } from '@/components/rounds/node-rounds';
import { newId } from '@/lib/client/ids';
import { SourceReader, type QuoteSelection, type TeamPassage } from '../reader/source-reader';
import { DiscussionPanel } from '../social/discussion-panel';
import { focusOf } from '../social/focus';
import { SocialLoading } from '../social/social-loading';
import { TeamNotesPanel } from '../social/team-notes-panel';
import { UndoArea } from '../social/undo-area';
import { SIDE_REGION_ID } from './map-words';
import { SidePanel } from './side-panel';
import type { useTeamLayers } from './use-team-layers';

type Props = {
  snapshot: MapSnapshot;
  /** The map's sources as they stand now (the snapshot's, and any added since). */
  sources: SourceDoc[];
  /** The source to show first (a link to it), when no selected card shows its own. */
  initialSourceId?: string | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
  selectedNodeId: string | null;
  selectedEdgeId: string | null;
  onSelect: (nodeId: string) => void;
  onSelectEdge: (edgeId: string) => void;
  onMakeNode?: (quote: QuoteSelection, kind: 'CLAIM' | 'EVIDENCE') => void;
  social: ReturnType<typeof useSocial>;
  layers: ReturnType<typeof useTeamLayers>;
};

/** Beside the canvas: the sources, the discussion, and the team notes. */
export function MapSidePanel({
  snapshot,
  sources,
  initialSourceId = null,
  nodes,
  edges,
  selectedNodeId,
  selectedEdgeId,
  onSelect,
  onSelectEdge,
  onMakeNode,
  social,
  layers,
}: Props) {
  const view = social.view;
  const focus = useMemo(
    () => focusOf(nodes, edges, selectedNodeId, selectedEdgeId),
    [nodes, edges, selectedNodeId, selectedEdgeId],
  );
  const teamPassages = useMemo<TeamPassage[]>(
    () =>
      (view?.layers ?? [])
        .filter((layer) => layers.shown.has(layer.teamId))
        .flatMap((layer) =>
          layer.annotations.flatMap((a) =>
            a.target.kind === 'SOURCE' && (a.kind === 'HIGHLIGHT' || a.kind === 'NOTE')
              ? [
                  {
                    id: a.id,
                    sourceId: a.target.sourceId,
                    start: a.target.start,
                    end: a.target.end,
                    team: layer.name,
                    color: layer.color,
                    body: a.body,
                  },
                ]
              : [],
          ),
        ),
    [view, layers.shown],
  );
  const myTeamId = view?.myTeam?.id ?? null;
  const onTeamPassage = myTeamId
    ? (quote: QuoteSelection, kind: 'HIGHLIGHT' | 'NOTE', body: string) =>
        social.send([
          {
            type: 'upsertAnnotation',
            id: newId(),
            teamId: myTeamId,
            target: {
              kind: 'SOURCE',
              sourceId: quote.sourceId,
              start: quote.start,
              end: quote.end,
              exact: quote.text,
            },
            kind,
            body,
          },
        ])
    : undefined;
  return (
    <SidePanel
      id={SIDE_REGION_ID}
      tabs={[
        {
          id: 'sources',
          label: 'Sources',
          content: (
            <SourceReader
              citationStyle={snapshot.citationStyle}
              sources={sources}
              initialSourceId={initialSourceId}
              sourcesHref={snapshot.canEdit ? `/maps/${snapshot.id}/sources` : undefined}
              nodes={nodes}
              selectedNodeId={selectedNodeId}
              onSelectQuote={onSelect}
              onMakeNode={onMakeNode}
              teamPassages={teamPassages}
              onTeamPassage={onTeamPassage}
            />
          ),
        },
        {
          id: 'discussion',
          label: layers.openThreadTotal ? `Discussion (${layers.openThreadTotal})` : 'Discussion',
          content: social.view ? (
            <UndoArea area="comments" undo={social.undo.comments}>
              <NodeRounds mapId={snapshot.id} nodeId={selectedNodeId} />
              <DiscussionPanel
                view={social.view}
                nodes={nodes}
                edges={edges}
                focus={focus}
                currentUserId={social.view.viewerId}
                onSend={social.send}
                onJump={(target) =>
                  target.kind === 'NODE' ? onSelect(target.id) : onSelectEdge(target.id)
                }
              />
            </UndoArea>
          ) : (
            <SocialLoading>Loading the discussion…</SocialLoading>
          ),
        },
        {
          id: 'notes',
          label: 'Team notes',
          content: social.view ? (
            <UndoArea area="notes" undo={social.undo.notes}>
              <TeamNotesPanel
                mapId={snapshot.id}
                view={social.view}
                nodes={nodes}
                focus={focus}
                shown={layers.shown}
                onShow={layers.show}
                onSend={social.send}
                onReveal={(revealed) => void social.reveal(revealed)}
                onJump={onSelect}
              />
            </UndoArea>
          ) : (
            <SocialLoading>Loading team notes…</SocialLoading>
          ),
        },
      ]}
    />
  );
}
