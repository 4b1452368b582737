'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import type { SocialView, TSocialOpInput } from '@/lib/domain/social';
import type { GraphNode } from '@/lib/domain/types';
import type { Focus } from './focus';
import { LayerControls } from './layer-controls';
import { Disagreements, LayerSummary } from './layer-summary';
import { MarkedPassages } from './marked-passages';
import { OwnEdgeNote } from './own-edge-note';
import { OwnNotes } from './own-notes';
import panel from './panel.module.css';

type Props = {
  mapId: string;
  view: SocialView;
  nodes: GraphNode[];
  focus: Focus | null;
  shown: ReadonlySet<string>;
  onShow: (teamId: string, show: boolean) => void;
  onSend: (ops: TSocialOpInput[]) => Promise<boolean>;
  onReveal: (revealed: boolean) => void;
  onJump: (nodeId: string) => void;
};

/**
 * The team layers: each team's private notes, ratings, tags and assignments
 * over the shared map. A student edits their own team's layer; the owner can
 * show any team's, several side by side, and reveal them all after the
 * debate.
 */
export function TeamNotesPanel({
  mapId,
  view,
  nodes,
  focus,
  shown,
  onShow,
  onSend,
  onReveal,
  onJump,
}: Props) {
  const text = useMemo(() => new Map(nodes.map((n) => [n.id, n.text])), [nodes]);
  const mine = view.layers.find((l) => l.mine) ?? null;
  const visible = view.layers.filter((l) => shown.has(l.teamId));
  // A student who joined after the teams were set: say why there is nothing to write in.
  const noTeam = view.myTeam === null && !view.canSeeAllLayers;

  return (
    <section className={panel.panel} aria-label="Team notes">
      <h2 className={panel.title}>Team notes</h2>
      {noTeam && (
        <p className={panel.empty} role="note">
          {view.viewerId === null
            ? 'Team notes are private to each team of the class.'
            : 'You are not on a team yet, so you have no team notes to write. Your teacher puts you on a team; your team’s notes, ratings and tags then appear here.'}
        </p>
      )}
      {view.notesElsewhere?.map((t) => (
        <p key={t.teamId} className={panel.empty} role="note">
          {t.count === 1
            ? `The note you wrote in ${t.name}’s layer stays with ${t.name}, `
            : `The ${t.count} notes you wrote in ${t.name}’s layer stay with ${t.name}, `}
          now that you are on {view.myTeam ? 'another team' : 'no team'}. Everything you wrote on
          the map is still yours.
        </p>
      ))}
      <LayerControls view={view} shown={shown} onShow={onShow} onReveal={onReveal} />
      {focus ? (
        <>
          {mine && view.myTeam && focus.kind === 'NODE' && (
            <OwnNotes
              key={`${focus.id}:${mine.annotations.length}`}
              nodeId={focus.id}
              nodeText={focus.label}
              layer={mine}
              members={view.myTeam.members}
              onSend={onSend}
            />
          )}
          {mine && view.myTeam && focus.kind === 'EDGE' && (
            <OwnEdgeNote
              key={`${focus.id}:${mine.annotations.length}`}
              focus={focus}
              layer={mine}
              onSend={onSend}
            />
          )}
          {visible
            .filter((l) => !l.mine)
            .map((layer) => (
              <LayerSummary key={layer.teamId} layer={layer} focus={focus} />
            ))}
        </>
      ) : (
        <>
          {!noTeam ? (
            <p className={panel.empty}>
              Select a claim to rate it, tag it, note your answer or give it to a teammate to
              prepare; select a connection to note something about it.
            </p>
          ) : (
            visible.length > 0 && (
              <p className={panel.empty}>Select a claim to see what each team noted about it.</p>
            )
          )}
          {mine && (
            <p>
              <Link href={`/maps/${mapId}/prep`}>Open our team’s prep sheet</Link>
            </p>
          )}
          {mine && <MarkedPassages layer={mine} onSend={onSend} />}
          {view.canSeeAllLayers && visible.length >= 2 && (
            <Disagreements a={visible[0]!} b={visible[1]!} text={text} onJump={onJump} />
          )}
        </>
      )}
    </section>
  );
}
