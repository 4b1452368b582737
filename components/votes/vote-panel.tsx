'use client';

import { useId, useState } from 'react';
import type { MapVotes } from '@/lib/client/use-map-votes';
import type { GraphEdge, GraphNode } from '@/lib/domain/types';
import { countsOfNode, IMPACT_LABELS, type Tally } from '@/lib/domain/votes';
import panel from '../social/panel.module.css';
import { ImpactDistribution } from './impact-distribution';
import { VotingSettings } from './voting-settings';
import styles from './votes.module.css';

type Props = {
  votes: MapVotes;
  node: GraphNode | undefined;
  nodes: GraphNode[];
  edges: GraphEdge[];
};

const countsOf = (tallies: readonly Tally[], nodeId: string, perspective: string) =>
  tallies.find((t) => t.nodeId === nodeId && t.perspective === perspective)?.counts ??
  ([0, 0, 0, 0, 0] as const);

/**
 * Impact voting on the selected claim: a rating from 0 to 4 of how much it
 * bears on what it answers (the motion, for a claim that answers nothing),
 * as oneself or from a perspective, and the votes so far once one may see
 * them (after voting, when voting is guided).
 */
export function VotePanel({ votes, node, nodes, edges }: Props) {
  const { view } = votes;
  const [perspective, setPerspective] = useState('self');
  const [saving, setSaving] = useState(false);
  const base = useId();
  if (!view) return <p className={panel.empty}>Loading the votes…</p>;
  const settings = view.manages && <VotingSettings votes={votes} view={view} />;
  if (!node)
    return (
      <div className={panel.panel}>
        <p className={panel.empty}>Select a claim to rate its impact.</p>
        {settings}
      </div>
    );
  const parentEdge = edges.find((e) => e.fromId === node.id);
  const parent = parentEdge && nodes.find((n) => n.id === parentEdge.toId);
  const target = parent ? `“${parent.text}”` : 'the motion';
  const picked = view.perspectives.find((p) => p.key === perspective) ?? view.perspectives[0]!;
  const mine = view.mine.find((v) => v.nodeId === node.id && v.perspective === picked.key);
  const votedOnClaim = view.mine.some((v) => v.nodeId === node.id);
  const seesTallies = view.manages || !view.blind || votedOnClaim;
  const choose = async (impact: number | null) => {
    setSaving(true);
    await votes.vote(node.id, picked.key, impact);
    setSaving(false);
  };
  return (
    <div className={panel.panel}>
      <h2 className={panel.title}>Impact</h2>
      {view.canVote ? (
        <>
          <label className={`field ${styles.field}`}>
            Vote as
            <select value={picked.key} onChange={(event) => setPerspective(event.target.value)}>
              {view.perspectives.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <fieldset className={styles.choices} aria-busy={saving} disabled={saving}>
            <legend className={styles.legend}>
              Impact on {target}, as {picked.label.toLowerCase()}
            </legend>
            {IMPACT_LABELS.map((label, impact) => (
              <label key={label} className={styles.choice}>
                <input
                  type="radio"
                  name={`${base}-impact`}
                  value={impact}
                  checked={mine?.impact === impact}
                  onChange={() => void choose(impact)}
                />
                <span className={styles.choiceValue}>{impact}</span> {label}
              </label>
            ))}
          </fieldset>
          {mine && (
            <button
              type="button"
              className="button button--quiet"
              disabled={saving}
              onClick={() => void choose(null)}
            >
              Clear my vote
            </button>
          )}
        </>
      ) : (
        <p className={panel.empty}>You can see the votes on this map but not vote.</p>
      )}
      {seesTallies ? (
        <>
          <ImpactDistribution
            label={`Votes as ${picked.label.toLowerCase()}`}
            counts={countsOf(view.tallies, node.id, picked.key)}
          />
          <ImpactDistribution
            label="All perspectives"
            counts={countsOfNode(view.tallies, node.id)}
          />
          {view.teams.map((team) => (
            <ImpactDistribution
              key={team.teamId}
              label={`${team.name}, as ${picked.label.toLowerCase()}`}
              color={team.color}
              counts={countsOf(team.tallies, node.id, picked.key)}
            />
          ))}
        </>
      ) : (
        <p className={styles.hidden}>
          Guided voting: the others’ votes on this claim show once you have voted on it.
        </p>
      )}
      {settings}
    </div>
  );
}
