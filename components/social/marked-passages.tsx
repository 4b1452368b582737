'use client';

import type { TeamLayer, TSocialOpInput } from '@/lib/domain/social';
import panel from './panel.module.css';
import styles from './team-notes.module.css';

type Props = {
  /** Our team's layer. */
  layer: TeamLayer;
  onSend: (ops: TSocialOpInput[]) => Promise<boolean>;
};

/** The passages our team highlighted or noted in the sources, each with Remove. */
export function MarkedPassages({ layer, onSend }: Props) {
  const passages = layer.annotations.flatMap((a) =>
    a.target.kind === 'SOURCE' ? [{ ...a, exact: a.target.exact }] : [],
  );
  if (passages.length === 0)
    return (
      <p className={panel.empty}>
        Select a passage in a source to highlight it or note it for your team.
      </p>
    );
  return (
    <div className={styles.summary} role="group" aria-label="Passages we marked">
      <h3>Passages we marked</h3>
      <ul>
        {passages.map((a) => (
          <li key={a.id}>
            “{a.exact.slice(0, 120)}”{a.body && <> — {a.body}</>}{' '}
            <button
              type="button"
              className="link-button link-button--danger"
              onClick={() => void onSend([{ type: 'deleteAnnotation', id: a.id }])}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
