'use client';

import type { SocialView } from '@/lib/domain/social';
import panel from './panel.module.css';
import styles from './team-notes.module.css';

type Props = {
  view: SocialView;
  /** Team ids of the layers drawn on the map. */
  shown: ReadonlySet<string>;
  onShow: (teamId: string, show: boolean) => void;
  onReveal: (revealed: boolean) => void;
};

/**
 * Which team layers the map shows (a student has their own; the owner any),
 * and for the owner the switch that reveals every layer to everyone.
 */
export function LayerControls({ view, shown, onShow, onReveal }: Props) {
  return (
    <>
      {view.layers.length === 0 ? (
        // Someone on no team is told why by the panel itself.
        view.myTeam !== null || view.canSeeAllLayers ? (
          <p className={panel.empty}>No team layers yet.</p>
        ) : null
      ) : (
        <fieldset className={styles.toggles}>
          <legend>Layers shown on the map</legend>
          {view.layers.map((layer) => (
            <label key={layer.teamId}>
              <input
                type="checkbox"
                checked={shown.has(layer.teamId)}
                onChange={(e) => onShow(layer.teamId, e.target.checked)}
              />
              <span className="team-dot" style={{ background: layer.color }} aria-hidden="true" />{' '}
              {layer.mine ? `Our team (${layer.name})` : layer.name}
            </label>
          ))}
        </fieldset>
      )}
      {view.canSeeAllLayers && (
        <p className={styles.reveal}>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => onReveal(!view.layersRevealed)}
          >
            {view.layersRevealed
              ? 'Hide the teams’ notes again'
              : 'Reveal every team’s notes to everyone'}
          </button>
          <span className="field__hint">
            {view.layersRevealed
              ? 'Every member can read all layers now (read-only).'
              : 'Until then each team sees only its own.'}
          </span>
        </p>
      )}
      {view.layersRevealed && !view.canSeeAllLayers && (
        <p className="field__hint">
          Your teacher revealed every team’s notes. Other teams’ layers are read-only.
        </p>
      )}
    </>
  );
}
