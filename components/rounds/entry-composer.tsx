'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { matchNodes } from '@/lib/domain/rounds/flow-search';
import { FLOW_RELATIONS, MAX_ENTRY_LENGTH, type FlowRelation } from '@/lib/domain/rounds/types';
import type { RoundNode } from '@/lib/domain/rounds/views';
import styles from './flow.module.css';

export const RELATION_WORDS: Record<FlowRelation, string> = {
  ATTACKS: 'Attacks',
  SUPPORTS: 'Supports',
  UNDERCUTS: 'Undercuts',
};

export type Composed = {
  text: string;
  nodeId: string | null;
  relation: FlowRelation | null;
  teamId: string | null;
};

type Props = {
  /** Says where the entry goes ("New argument in P1", "Response to “…” in O1"). */
  label: string;
  initialText: string;
  relation: FlowRelation | null;
  nodes: readonly RoundNode[];
  /** The reader's teams: an entry may be one team's private note. */
  teams: readonly { id: string; name: string }[];
  /** Editing an entry's words: no card search, no team choice. */
  editing?: boolean;
  onSubmit: (entry: Composed) => void;
  onCancel: () => void;
};

/**
 * Typing one flow entry: words, and as they are typed the map's cards that
 * match (↓ ↑ to choose, Enter to take one: the entry is then linked to that
 * card and carries its words); Enter alone keeps the words as a new entry.
 * A response says how it answers. Escape gives up.
 */
export function EntryComposer(props: Props) {
  const { label, nodes, teams, editing = false } = props;
  const [text, setText] = useState(props.initialText);
  const [active, setActive] = useState(-1);
  const [relation, setRelation] = useState(props.relation);
  const [teamId, setTeamId] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const found = editing ? [] : matchNodes(nodes, text);
  useEffect(() => {
    const field = input.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);

  const submit = () => {
    const card = active >= 0 ? found[active] : undefined;
    const words = (card ? card.text : text).trim().slice(0, MAX_ENTRY_LENGTH);
    if (!words) return props.onCancel();
    props.onSubmit({ text: words, nodeId: card?.id ?? null, relation, teamId });
  };

  return (
    <div className={styles.composer}>
      <input
        ref={input}
        className={styles.composerInput}
        aria-label={label}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={found.length > 0}
        aria-controls={`${id}-cards`}
        aria-activedescendant={active >= 0 ? `${id}-card-${active}` : undefined}
        value={text}
        maxLength={MAX_ENTRY_LENGTH}
        placeholder={editing ? undefined : 'Type; ↓ for a map card'}
        onChange={(e) => {
          setText(e.target.value);
          setActive(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && found.length) {
            e.preventDefault();
            setActive((a) => (a + 1) % found.length);
          } else if (e.key === 'ArrowUp' && found.length) {
            e.preventDefault();
            setActive((a) => (a <= 0 ? found.length - 1 : a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            props.onCancel();
          }
          e.stopPropagation();
        }}
      />
      {found.length > 0 && (
        <ul id={`${id}-cards`} role="listbox" aria-label="Map cards" className={styles.cards}>
          {found.map((node, i) => (
            <li
              key={node.id}
              id={`${id}-card-${i}`}
              role="option"
              aria-selected={i === active}
              className={styles.card}
              onMouseDown={(e) => {
                e.preventDefault();
                setActive(i);
              }}
              onClick={() =>
                props.onSubmit({
                  text: node.text.slice(0, MAX_ENTRY_LENGTH),
                  nodeId: node.id,
                  relation,
                  teamId,
                })
              }
            >
              {node.text}
            </li>
          ))}
        </ul>
      )}
      {(relation || (!editing && teams.length > 0)) && (
        <div className={styles.composerOptions}>
          {relation && (
            <label>
              <span className="visually-hidden">How it answers</span>
              <select
                value={relation}
                onChange={(e) => setRelation(e.target.value as FlowRelation)}
              >
                {FLOW_RELATIONS.map((r) => (
                  <option key={r} value={r}>
                    {RELATION_WORDS[r]}
                  </option>
                ))}
              </select>
            </label>
          )}
          {!editing &&
            teams.map((team) => (
              <label key={team.id} className={styles.teamOnly}>
                <input
                  type="checkbox"
                  checked={teamId === team.id}
                  onChange={(e) => setTeamId(e.target.checked ? team.id : null)}
                />
                Only {team.name} sees it
              </label>
            ))}
        </div>
      )}
    </div>
  );
}
