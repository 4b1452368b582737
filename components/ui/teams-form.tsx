'use client';

import type { FormAction } from '@/lib/domain/form-state';
import { SIDE_LABELS, SIDES, type Side } from '@/lib/domain/types';
import { ActionForm } from './action-form';
import page from './page.module.css';

type Props = {
  mapId: string;
  teams: { id: string; name: string; side: Side; color: string }[];
  /** Everyone who can be put on a team, with the team they are on now. */
  people: { id: string; name: string; teamId: string | null }[];
  /** Receives `mapId`, `side:<teamId>` for each team and `team:<userId>` (empty: no team) for each person. */
  action: FormAction;
};

/** The map owner's form: each team's side, and who is on which team; saved all at once. */
export function TeamsForm({ mapId, teams, people, action }: Props) {
  return (
    <ActionForm action={action} submitLabel="Save teams" pendingLabel="Saving…" label="Teams">
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
                  defaultValue={t.side}
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
                  .filter((p) => p.teamId === t.id)
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
                  defaultValue={p.teamId ?? ''}
                  aria-label={`Team of ${p.name}`}
                >
                  <option value="">No team</option>
                  {teams.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ActionForm>
  );
}
