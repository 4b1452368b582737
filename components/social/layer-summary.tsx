import { ratingDisagreements, type TeamLayer } from '@/lib/domain/social';
import { isOn } from './annotations';
import type { Focus } from './focus';
import panel from './panel.module.css';
import styles from './team-notes.module.css';

/** Another team's layer on the selected claim or connection, read-only. */
export function LayerSummary({ layer, focus }: { layer: TeamLayer; focus: Focus }) {
  const here = layer.annotations.filter((a) => isOn(a, focus));
  return (
    <div className={styles.summary} role="group" aria-label={`${layer.name} notes`}>
      <h3>
        <span className="team-dot" style={{ background: layer.color }} aria-hidden="true" />{' '}
        {layer.name}
      </h3>
      {here.length === 0 ? (
        <p className={panel.empty}>
          Nothing on this {focus.kind === 'NODE' ? 'claim' : 'connection'}.
        </p>
      ) : (
        <ul>
          {here.map((a) => (
            <li key={a.id}>
              {a.kind === 'NOTE' && <>Note: {a.body}</>}
              {a.kind === 'RATING' && (
                <>
                  Strength {a.rating}/5{a.body && <>: {a.body}</>}
                </>
              )}
              {a.kind === 'TAG' && <>Tag: {a.tag}</>}
              {a.kind === 'ASSIGNMENT' && <>Prepared by {a.assigneeName}</>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type DisagreementsProps = {
  a: TeamLayer;
  b: TeamLayer;
  /** Node text by id: the claims still on the map. */
  text: ReadonlyMap<string, string>;
  onJump: (nodeId: string) => void;
};

/** For the owner: the claims two teams rated furthest apart, each jumping to its claim. */
export function Disagreements({ a, b, text, onJump }: DisagreementsProps) {
  const rows = ratingDisagreements(a, b).filter((r) => text.has(r.nodeId));
  return (
    <div className={styles.summary} role="group" aria-label="Where the teams disagree">
      <h3>
        Where {a.name} and {b.name} disagree most
      </h3>
      {rows.length === 0 ? (
        <p className={panel.empty}>They have not rated the same claims yet.</p>
      ) : (
        <ol>
          {rows.slice(0, 10).map((r) => (
            <li key={r.nodeId}>
              <button type="button" className="link-button" onClick={() => onJump(r.nodeId)}>
                {(text.get(r.nodeId) ?? '').slice(0, 70)}
              </button>{' '}
              — {a.name} {r.a}/5, {b.name} {r.b}/5
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
