'use client';

import { ViewportPortal } from '@xyflow/react';
import { useSyncExternalStore } from 'react';
import type { PresenceStore } from '@/lib/client/presence-store';
import { avatarInitials, initialsFontSize } from '@/lib/domain/people';
import type { SyncStatus } from '@/lib/client/use-map-sync';
import styles from './presence-bar.module.css';

const STATUS_WORDS: Record<SyncStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Not live: reload the page',
};

/** Who else has the map open (one avatar per person), and whether edits are arriving live. */
export function PresenceBar({ presence, status }: { presence: PresenceStore; status: SyncStatus }) {
  // People, not their cursors: a new list only when someone arrives or leaves.
  const list = useSyncExternalStore(presence.subscribe, presence.getPeople, presence.getPeople);
  return (
    <div className={styles.presence}>
      {list.length > 0 && (
        <ul className={styles.list} aria-label={`Also here: ${list.map((p) => p.name).join(', ')}`}>
          {list.map((p) => (
            <li key={p.userId ?? p.clientId} title={p.name}>
              <span
                className="avatar"
                style={{
                  background: p.color,
                  fontSize: initialsFontSize(avatarInitials(p.name), 30),
                }}
                aria-hidden="true"
              >
                {avatarInitials(p.name)}
              </span>
              <span className="visually-hidden">{p.name}</span>
            </li>
          ))}
        </ul>
      )}
      <span className={styles.status} data-status={status} role="status">
        {STATUS_WORDS[status]}
      </span>
    </div>
  );
}

/** Others' cursors, drawn in map coordinates so they stay on what they point at. */
export function RemoteCursors({ presence }: { presence: PresenceStore }) {
  const others = useSyncExternalStore(
    presence.subscribe,
    presence.getEveryone,
    presence.getEveryone,
  );
  return (
    <ViewportPortal>
      {others
        .filter((p) => p.cursor)
        .map((p) => (
          <div
            key={p.clientId}
            className={styles.cursor}
            data-remote-cursor
            style={{ transform: `translate(${p.cursor!.x}px, ${p.cursor!.y}px)` }}
            aria-hidden="true"
          >
            <svg width="18" height="18" viewBox="0 0 18 18">
              <path
                d="M1 1 L1 15 L5 11 L8 17 L10 16 L7 10 L13 10 Z"
                fill={p.color}
                stroke="#fff"
                strokeWidth="1.2"
              />
            </svg>
            <span className={styles.cursorName} style={{ background: p.color }}>
              {p.name}
            </span>
          </div>
        ))}
    </ViewportPortal>
  );
}
