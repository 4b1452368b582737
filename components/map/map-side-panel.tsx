'use client';

import type { useSocial } from '@/lib/client/use-social';
import type { CardMarks } from '@/lib/domain/evidence/card';
import type { TOp } from '@/lib/domain/ops';
import { formatCitation, type CitationStyle } from '@/lib/domain/evidence/citation';
import { pageRange } from '@/lib/domain/evidence/pages';
import type { Anchor, GraphEdge, GraphNode, MapSnapshot, SourceDoc } from '@/lib/domain/types';
import { useMemo } from 'react';
import { NodeRounds } from '@/components/rounds/node-rounds';
import { newId } from '@/lib/client/ids';
import { SourceReader, type QuoteSelection, type TeamPassage } from '../reader/source-reader';
import { DiscussionPanel } from '../social/discussion-panel';
import { focusOf } from '../social/focus';
import { SocialLoading } from '../social/social-loading';
import { TeamNotesPanel } from '../social/team-notes-panel';
import { UndoArea } from '../social/undo-area';
import type { MapVotes } from '@/lib/client/use-map-votes';
import type { Moderation } from '@/lib/client/use-moderation';
import { ModerationPanel } from '../moderation/moderation-panel';
import { VotePanel } from '../votes/vote-panel';
import { EvidenceCard, type TeamCut } from './evidence-card';
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
  /** For editors: change the selected evidence's card. */
  onCardOps?: (ops: TOp[]) => void;
  social: ReturnType<typeof useSocial>;
  layers: ReturnType<typeof useTeamLayers>;
  votes: MapVotes;
  moderation: Moderation;
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
  onCardOps,
  social,
  layers,
  votes,
  moderation,
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
  const selected = nodes.find((n) => n.id === selectedNodeId);
  const source = sources.find((s) => s.id === selected?.anchor?.sourceId);
  const myLayer = view?.layers.find((l) => l.teamId === myTeamId);
  const cut = myLayer?.annotations.find(
    (a) => a.kind === 'CUT' && a.target.kind === 'NODE' && a.target.nodeId === selected?.id,
  );
  const team: TeamCut | null =
    myTeamId && myLayer && selected
      ? {
          name: myLayer.name,
          cut: cut?.marks ? { id: cut.id, marks: cut.marks } : null,
          save: (id: string, marks: CardMarks) =>
            social.send([
              {
                type: 'upsertAnnotation',
                id,
                teamId: myTeamId,
                target: { kind: 'NODE', nodeId: selected.id },
                kind: 'CUT',
                marks,
              },
            ]),
        }
      : null;
  return (
    <SidePanel
      id={SIDE_REGION_ID}
      tabs={[
        {
          id: 'sources',
          label: 'Sources',
          content: (
            <>
              {selected && (
                <EvidenceCard
                  key={selected.id}
                  node={selected}
                  cite={
                    source && selected.anchor
                      ? cardCite(snapshot.citationStyle, source, selected.anchor)
                      : undefined
                  }
                  onOps={onCardOps}
                  team={team}
                />
              )}
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
            </>
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
        {
          id: 'votes',
          label: 'Impact',
          content: <VotePanel votes={votes} node={selected} nodes={nodes} edges={edges} />,
        },
        {
          id: 'review',
          label: reviewLabel(moderation),
          content: (
            <ModerationPanel
              moderation={moderation}
              selected={selected}
              canFlag={!!snapshot.actorId && !!social.view?.canComment}
              onJump={onSelect}
            />
          ),
        },
      ]}
    />
  );
}

/** A card's cite: its source in the class's style, with the page (or pages) the passage is on. */
function cardCite(style: CitationStyle, source: SourceDoc, anchor: Anchor): string {
  return formatCitation(style, source, { page: pageRange(source, anchor.start, anchor.end) });
}

/** The Review tab's name: with what waits for a moderator, or the writer's own suggestions waiting. */
function reviewLabel({ view }: Moderation): string {
  if (!view) return 'Review';
  const waiting = view.moderator
    ? view.queue.length + view.flags.length
    : view.mine.filter((s) => s.status === 'WAITING').length;
  return waiting ? `Review (${waiting})` : 'Review';
}
