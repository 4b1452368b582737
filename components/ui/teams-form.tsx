'use client';

import { useState } from 'react';
import type { FormAction } from '@/lib/domain/form-state';
import { SIDE_LABELS, SIDES, type Side } from '@/lib/domain/types';
import { ActionForm } from './action-form';
import page from './page.module.css';

type Props = {
  mapId: string;
  teams: { id: string; name: string; side: Side; color: string }[];
  /** Everyone who can be put on a team, with the team they are on now and their notes in each team's layer. */
  people: {
    id: string;
    name: string;
    teamId: string | null;
    notesByTeam: Record<string, number>;
  }[];
  /** Receives `mapId`, `side:<teamId>` for each team and `team:<userId>` (empty: no team) for each person. */
  action: FormAction;
};

/** What the form will save: each team's side, and each person's team ('' for none). */
type Choices = { sides: Record<string, Side>; teamOf: Record<string, string> };

const savedChoices = (teams: Props['teams'], people: Props['people']): Choices => ({
  sides: Object.fromEntries(teams.map((t) => [t.id, t.side])),
  teamOf: Object.fromEntries(people.map((p) => [p.id, p.teamId ?? ''])),
});

/**
 * The map owner's form: each team's side, and who is on which team; saved
 * all at once. The choices are state, and the Members column is drawn from
 * them, so the form shows exactly what "Save teams" sends. When the saved
 * teams change under it (a random split, a late joiner placed, a save), the
 * form starts again from what is saved.
 */
export function TeamsForm({ mapId, teams, people, action }: Props) {
  const saved = savedChoices(teams, people);
  const savedKey = JSON.stringify(saved);
  const [choices, setChoices] = useState(saved);
  const [shownKey, setShownKey] = useState(savedKey);
  if (shownKey !== savedKey) {
    setShownKey(savedKey);
    setChoices(saved);
  }
  const setSide = (teamId: string, side: Side) =>
    setChoices((c) => ({ ...c, sides: { ...c.sides, [teamId]: side } }));
  const setTeam = (userId: string, teamId: string) =>
    setChoices((c) => ({ ...c, teamOf: { ...c.teamOf, [userId]: teamId } }));

  return (
    <ActionForm
      action={action}
      submitLabel="Save teams"
      pendingLabel="Saving…"
      label="Teams"
      keepValues
    >
      <input type="hidden" name="mapId" value={mapId} />
      <table className={page.table} aria-label="Team sides">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Side</th>
            <th scope="col">Members</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.id}>
              <td>
                <span className="team-dot" style={{ background: t.color }} aria-hidden="true" />{' '}
                {t.name}
              </td>
              <td>
                <select
                  name={`side:${t.id}`}
                  value={choices.sides[t.id] ?? t.side}
                  onChange={(e) => setSide(t.id, e.target.value as Side)}
                  aria-label={`Side of ${t.name}`}
                >
                  {SIDES.map((s) => (
                    <option key={s} value={s}>
                      {SIDE_LABELS[s]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {people
                  .filter((p) => choices.teamOf[p.id] === t.id)
                  .map((p) => p.name)
                  .join(', ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className={page.table} aria-label="Team members">
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Team</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>
                <select
                  name={`team:${p.id}`}
                  value={choices.teamOf[p.id] ?? ''}
                  onChange={(e) => setTeam(p.id, e.target.value)}
                  aria-label={`Team of ${p.name}`}
                  aria-describedby={
                    (choices.teamOf[p.id] ?? '') !== (p.teamId ?? '') ? `move-${p.id}` : undefined
                  }
                >
                  <option value="">No team</option>
                  {teams.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
                {(choices.teamOf[p.id] ?? '') !== (p.teamId ?? '') && (
                  <p id={`move-${p.id}`} className={page.moveNote}>
                    {whatStays(p, teams)}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ActionForm>
  );
}

/**
 * What a move keeps, said before it is saved: everything the person wrote on
 * the map stays theirs, and their notes stay with the team whose layer they
 * were written in.
 */
function whatStays(person: Props['people'][number], teams: Props['teams']): string {
  const notes = teams.flatMap((t) => {
    const count = person.notesByTeam[t.id] ?? 0;
    if (count === 0) return [];
    return count === 1
      ? [`1 note in ${t.name}’s layer stays with ${t.name}`]
      : [`${count} notes in ${t.name}’s layer stay with ${t.name}`];
  });
  const rest =
    notes.length > 0
      ? `their ${notes.join(', and ')}.`
      : 'notes they write in a team’s layer stay with that team.';
  return `Everything ${person.name} wrote on the map stays theirs; ${rest}`;
}
