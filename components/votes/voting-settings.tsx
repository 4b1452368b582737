'use client';

import { useState } from 'react';
import type { MapVotes } from '@/lib/client/use-map-votes';
import type { VotesView } from '@/lib/domain/votes';
import styles from './votes.module.css';

/** The owner's voting settings: guided (blind) voting, and perspectives of their own. */
export function VotingSettings({ votes, view }: { votes: MapVotes; view: VotesView }) {
  const [name, setName] = useState('');
  const own = view.perspectives.filter((p) => p.key.startsWith('p:'));
  return (
    <section className={styles.settings} aria-label="Voting settings">
      <h3 className={styles.settingsTitle}>Voting settings</h3>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={view.blind}
          onChange={(event) => void votes.changeSettings({ blind: event.target.checked })}
        />
        Guided voting: hide the votes on a claim until each person has voted on it
      </label>
      {own.length > 0 && (
        <ul className={styles.perspectives} aria-label="Your perspectives">
          {own.map((p) => (
            <li key={p.key}>
              {p.label}{' '}
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Remove the perspective ${p.label} and its votes`}
                onClick={() => void votes.changeSettings({ removePerspective: p.key.slice(2) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className={styles.addPerspective}
        onSubmit={(event) => {
          event.preventDefault();
          void votes.changeSettings({ addPerspective: name }).then((ok) => ok && setName(''));
        }}
      >
        <label className={`field ${styles.field}`}>
          New perspective
          <input
            value={name}
            maxLength={60}
            placeholder="e.g. a climate scientist"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--quiet" disabled={!name.trim()}>
          Add perspective
        </button>
      </form>
    </section>
  );
}
