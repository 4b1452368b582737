'use client';

import { CommentIcon, FlagIcon, NoteIcon, StarIcon } from '../ui/icons';
import styles from './argument-node.module.css';
import { useFlags, useLayerBadges, useOpenThreads, useWatchers } from './node-decorations';

/*
 * The parts of a card that show what others are doing. Each reads its own
 * card's entry from the workspace's stores, so a change re-renders this
 * part of this card only.
 */

/** Others who have this card selected: a ring in the first one's colour, and their names. */
export function NodeWatchers({ id }: { id: string }) {
  const watchers = useWatchers(id);
  if (!watchers.length) return null;
  const color = watchers[0]!.color;
  return (
    <>
      <span
        className={styles.watched}
        style={{ '--watcher': color } as React.CSSProperties}
        aria-hidden="true"
      />
      <span className={styles.watchers} data-watchers style={{ background: color }}>
        {watchers.map((w) => w.name).join(', ')}
      </span>
    </>
  );
}

export function OpenThreads({ id }: { id: string }) {
  const count = useOpenThreads(id);
  if (count === 0) return null;
  return (
    <span
      className={styles.threads}
      aria-label={`${count} open ${count === 1 ? 'thread' : 'threads'}`}
    >
      <CommentIcon /> {count}
    </span>
  );
}

/** A flag for the map's moderators: someone asked them to look at this card. */
export function Flagged({ id }: { id: string }) {
  const count = useFlags(id);
  if (count === 0) return null;
  return (
    <span
      className={styles.threads}
      role="img"
      aria-label={`Flagged for review by ${count} ${count === 1 ? 'person' : 'people'}`}
    >
      <FlagIcon />
    </span>
  );
}

/** One line per team layer shown: its rating, tags and whether it has a note on this card. */
export function LayerBadges({ id }: { id: string }) {
  const badges = useLayerBadges(id);
  if (!badges.length) return null;
  return (
    <ul className={styles.layers} aria-label="Team notes">
      {badges.map((b) => (
        <li key={b.team} style={{ borderColor: b.color }} aria-label={layerLabel(b)}>
          <span className="team-dot" style={{ background: b.color }} aria-hidden="true" />
          {b.rating !== null && (
            <span className={styles.stars} aria-hidden="true">
              {Array.from({ length: b.rating }, (_, i) => (
                <StarIcon key={i} />
              ))}
            </span>
          )}
          {b.tags.map((t) => (
            <span key={t} className={styles.tag} aria-hidden="true">
              {t}
            </span>
          ))}
          {b.note && <NoteIcon />}
        </li>
      ))}
    </ul>
  );
}

function layerLabel(b: { team: string; rating: number | null; tags: string[]; note: boolean }) {
  const parts = [
    b.rating !== null ? `rated ${b.rating} of 5` : null,
    b.tags.length ? `tagged ${b.tags.join(', ')}` : null,
    b.note ? 'with a note' : null,
  ].filter(Boolean);
  return `${b.team}: ${parts.join('; ') || 'no notes'}`;
}
