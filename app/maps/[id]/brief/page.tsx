import type { Metadata } from 'next';
import { PrintablePage } from '@/components/ui/printable-page';
import { SourceQuote } from '@/components/ui/source-quote';
import { CitationText } from '@/components/ui/citation-text';
import { buildBrief, type BriefItem } from '@/lib/domain/brief';
import { KIND_LABELS, RELATION_LABELS } from '@/lib/domain/types';
import { currentActor } from '@/lib/server/actor';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { loadOr404 } from '@/lib/server/page-loader';
import page from '@/components/ui/page.module.css';
import styles from './page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Debate brief' };

type Props = { params: Promise<{ id: string }> };

const SIDE_TITLES = {
  FOR: 'For the motion',
  AGAINST: 'Against the motion',
  NEUTRAL: 'Other claims',
} as const;

/** The debate brief: an outline per side with supports, objections and rebuttals nested, quotes and citations; printable. */
export default async function BriefPage({ params }: Props) {
  const { id } = await params;
  const snapshot = await loadOr404(async () => getMapSnapshot(await currentActor(), id));
  const sources = new Map(snapshot.sources.map((s) => [s.id, s]));
  const brief = buildBrief(snapshot.nodes, snapshot.edges);

  const Item = ({ item }: { item: BriefItem }) => {
    const source = item.node.anchor ? sources.get(item.node.anchor.sourceId) : undefined;
    return (
      <li className={styles.item} data-relation={item.relation ?? 'MAIN'}>
        <p className={styles.text}>
          {item.relation && (
            <span className={styles.relation}>{RELATION_LABELS[item.relation]}: </span>
          )}
          {item.relation ? item.node.text : <strong>{item.node.text}</strong>}{' '}
          <span className={styles.kind}>({KIND_LABELS[item.node.kind].toLowerCase()})</span>
        </p>
        {item.node.anchor && source && (
          <SourceQuote
            anchor={item.node.anchor}
            source={source}
            citationStyle={snapshot.citationStyle}
          />
        )}
        {item.children.length > 0 && (
          <ul>
            {item.children.map((child) => (
              <Item key={`${child.relation}-${child.node.id}`} item={child} />
            ))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <PrintablePage
      mapId={id}
      title={`Debate brief: ${snapshot.title}`}
      lead={snapshot.motion ? `Motion: ${snapshot.motion}` : undefined}
    >
      {brief.length === 0 && <p className={page.emptyState}>The map has no claims yet.</p>}
      {brief.map((side) => (
        <section key={side.side} aria-labelledby={`side-${side.side}`} className={styles.side}>
          <h2 id={`side-${side.side}`} className={page.sectionTitle}>
            {SIDE_TITLES[side.side]}
          </h2>
          <ol>
            {side.claims.map((item) => (
              <Item key={item.node.id} item={item} />
            ))}
          </ol>
        </section>
      ))}
      {snapshot.sources.length > 0 && (
        <section aria-labelledby="sources-title" className={styles.side}>
          <h2 id="sources-title" className={page.sectionTitle}>
            Sources
          </h2>
          <ul className={styles.sources}>
            {snapshot.sources.map((s) => (
              <li key={s.id}>
                <CitationText citationStyle={snapshot.citationStyle} source={s} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </PrintablePage>
  );
}
