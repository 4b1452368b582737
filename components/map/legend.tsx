'use client';

import { useId, useState } from 'react';
import { RELATION_LABELS, RELATIONS, type Side } from '@/lib/domain/types';
import styles from './legend.module.css';
import { RelationSample } from './relation-glyph';

type SideEntry = { side: Side; label: string };

const SIDE_COLOR: Record<Side, string> = {
  FOR: 'var(--side-for)',
  AGAINST: 'var(--side-against)',
  NEUTRAL: 'var(--side-neutral)',
};

/** Finds the drawn legend, which image exports add below the map. */
const LEGEND_SELECTOR = '[data-map-legend]';

/**
 * What the colours and lines on the canvas mean, behind a button in the
 * workspace bar: open, it drops down over the top of the canvas until
 * closed again; closed, it costs the bar no height (a strip always open
 * took two lines of a laptop's screen from the map). `children`: lines for
 * what the view adds (what stands).
 */
export function Legend({ sides, children }: { sides: SideEntry[]; children?: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  return (
    <section className={styles.legend} aria-label="Legend">
      <button
        type="button"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((was) => !was)}
      >
        Legend
      </button>
      <div id={panel} className={styles.panel} hidden={!open} data-map-legend>
        <ul aria-label="Sides">
          {sides.map((s) => (
            <li key={s.side}>
              <span
                className={styles.swatch}
                data-side={s.side}
                style={{ color: SIDE_COLOR[s.side] }}
                aria-hidden="true"
              />
              {s.label}
            </li>
          ))}
        </ul>
        <ul aria-label="Arrows">
          {RELATIONS.map((r) => (
            <li key={r}>
              <RelationSample relation={r} />
              {RELATION_LABELS[r]}
              {r === 'CONTRADICTS' && ' (each other)'}
            </li>
          ))}
          <li>
            <span className={styles.junction} aria-hidden="true" />
            linked premises (needed together)
          </li>
        </ul>
        {children}
      </div>
    </section>
  );
}

/** The sides as the legend names them (a team's name, or "For the motion"), for the SVG export's own legend. */
export function legendSides(): SideEntry[] {
  const items = document.querySelectorAll<HTMLElement>(`${LEGEND_SELECTOR} [data-side]`);
  return [...items].map((swatch) => ({
    side: swatch.dataset.side as Side,
    label: swatch.parentElement?.textContent?.trim() ?? '',
  }));
}

/**
 * The legend as image exports draw it, below the map, whether or not the
 * reader has it open: a closed legend is copied, laid out out of sight for
 * the export, and removed by `done`.
 */
export function legendForExport(): { element: HTMLElement; done: () => void } | null {
  const legend = document.querySelector<HTMLElement>(LEGEND_SELECTOR);
  if (!legend) return null;
  if (!legend.hidden) return { element: legend, done: () => {} };
  const copy = legend.cloneNode(true) as HTMLElement;
  copy.hidden = false;
  copy.removeAttribute('id');
  copy.setAttribute('aria-hidden', 'true');
  copy.style.position = 'fixed';
  copy.style.left = '-10000px';
  copy.style.top = '0';
  document.body.append(copy);
  return { element: copy, done: () => copy.remove() };
}
