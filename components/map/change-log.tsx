'use client';

import type { Announcement } from './use-announcements';

/**
 * The polite live region for others' changes. Hidden from sight (the canvas
 * shows them); a screen reader reads each new line once, as it is added.
 */
export function ChangeLog({ announcements }: { announcements: Announcement[] }) {
  return (
    <div className="visually-hidden" role="log" aria-live="polite" aria-label="Changes by others">
      {announcements.map((a) => (
        <p key={a.id}>{a.text}</p>
      ))}
    </div>
  );
}
