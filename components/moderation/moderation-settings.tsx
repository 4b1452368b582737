'use client';

import { useId, useState } from 'react';
import type { Moderation } from '@/lib/client/use-moderation';
import styles from './moderation.module.css';

/** For the map's managers: approval mode, and which students moderate the map. */
export function ModerationSettings({ moderation }: { moderation: Moderation }) {
  const view = moderation.view!;
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const pickId = useId();
  const change = async (settings: Parameters<Moderation['changeSettings']>[0]) =>
    setProblem((await moderation.changeSettings(settings))?.message ?? null);
  const moderators = view.people.filter((p) => p.moderator);
  const others = view.people.filter((p) => !p.moderator);
  return (
    <section className={styles.section} aria-labelledby="moderation-settings-heading">
      <h2 className={styles.heading} id="moderation-settings-heading">
        Moderation settings
      </h2>
      <label className={styles.toggle}>
        <input
          type="checkbox"
          checked={view.requireApproval}
          onChange={(event) => void change({ requireApproval: event.target.checked })}
        />
        Require approval for students’ changes
      </label>
      <p className={styles.hint}>
        Students’ new cards, new words, new kinds, connections and deletions then wait here until
        you or a moderator approve them. Moving cards is never held.
      </p>
      {moderators.length > 0 && (
        <ul className={styles.list} aria-label="Moderators">
          {moderators.map((p) => (
            <li key={p.id} className={styles.row}>
              <span className={styles.text}>{p.name}</span>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void change({ removeModerator: p.id })}
              >
                Stop {p.name} moderating
              </button>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <form
          className={styles.row}
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) void change({ addModerator: chosen }).then(() => setChosen(''));
          }}
        >
          <label className={styles.field} htmlFor={pickId}>
            Make a student a moderator
          </label>
          <select id={pickId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">Choose someone…</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--quiet" disabled={!chosen}>
            Make moderator
          </button>
        </form>
      )}
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
