'use client';

import { useActionState } from 'react';
import type { FormAction } from '@/lib/domain/form-state';
import notice from './action-form.module.css';
import styles from './unassigned-people.module.css';

type Props = {
  mapId: string;
  /** People who can be on a team and are on none (most often, students who joined late). */
  people: { id: string; name: string }[];
  /** The team with the fewest members now: where the next one placed goes. */
  smallestTeam: string;
  /** Receives `mapId`, every unassigned `person`, and `place`: one person's id, or `all`. */
  action: FormAction;
};

/**
 * The teams page's flag for people on no team, with one click to place
 * each (or all) on the smallest team. Its own form rather than an
 * ActionForm: a button per person, and the notice must stay once the last
 * one is placed and the list is gone.
 */
export function UnassignedPeople({ mapId, people, smallestTeam, action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const said = (
    <>
      {state.error && (
        <p className="form__error" role="alert">
          {state.error}
        </p>
      )}
      {state.notice && (
        <p className={notice.notice} role="status">
          {state.notice}
        </p>
      )}
    </>
  );
  if (people.length === 0) return said;
  return (
    <section aria-labelledby="unassigned-title" className={styles.flag}>
      <h3 id="unassigned-title" className={styles.title}>
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" className={styles.icon}>
          <path
            d="M10 2 1 18h18L10 2Zm0 5v5m0 2.5v.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        Not on a team yet ({people.length})
      </h3>
      <p className={styles.lead}>
        They see no team notes until they are on a team. Put each on the smallest team, or choose
        their team below and save.
      </p>
      <form action={formAction} aria-label="Place people on teams">
        <input type="hidden" name="mapId" value={mapId} />
        <ul className={styles.list}>
          {people.map((p) => (
            <li key={p.id}>
              <input type="hidden" name="person" value={p.id} />
              <span className={styles.name}>{p.name}</span>
              <button
                type="submit"
                name="place"
                value={p.id}
                className="button button--quiet button--small"
                disabled={pending}
              >
                Put {p.name} on {smallestTeam}
              </button>
            </li>
          ))}
        </ul>
        {people.length > 1 && (
          <button
            type="submit"
            name="place"
            value="all"
            className="button button--small"
            disabled={pending}
          >
            Put all {people.length} on the smallest teams
          </button>
        )}
      </form>
      {said}
    </section>
  );
}
