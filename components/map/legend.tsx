import { RELATION_LABELS, RELATIONS, type Side } from '@/lib/domain/types';
import { RELATION_STYLE } from '@/lib/client/to-flow';

type SideEntry = { side: Side; label: string };

const SIDE_COLOR: Record<Side, string> = {
  FOR: 'var(--side-for)',
  AGAINST: 'var(--side-against)',
  NEUTRAL: 'var(--side-neutral)',
};

/** What the colours and lines on the canvas mean: one compact strip, never over the map. */
export function Legend({ sides }: { sides: SideEntry[] }) {
  return (
    <section className="legend" aria-label="Legend">
      <ul aria-label="Sides">
        {sides.map((s) => (
          <li key={s.side}>
            <span
              className="legend__swatch"
              style={{ color: SIDE_COLOR[s.side] }}
              aria-hidden="true"
            />
            {s.label}
          </li>
        ))}
      </ul>
      <ul aria-label="Arrows">
        {RELATIONS.map((r) => {
          const style = RELATION_STYLE[r];
          const variant =
            r === 'UNDERCUTS'
              ? ' legend__line--dashed'
              : r === 'REPHRASES'
                ? ' legend__line--dotted'
                : '';
          return (
            <li key={r}>
              <span
                className={`legend__line${variant}`}
                style={{ color: style.color }}
                aria-hidden="true"
              />
              {RELATION_LABELS[r]}
            </li>
          );
        })}
        <li>
          <span className="legend__junction" aria-hidden="true" />
          linked premises (needed together)
        </li>
      </ul>
    </section>
  );
}
