import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportCardsForm } from '@/components/ui/import-cards-form';
import { PrintablePage } from '@/components/ui/printable-page';
import { cardSegments } from '@/lib/domain/evidence/card-segments';
import type { GraphNode } from '@/lib/domain/types';
import { currentActor } from '@/lib/server/actor';
import type { CardDoc } from '@/lib/server/evidence/verbatim-docx';
import {
  blocksFor,
  loadBlocks,
  EMPTY_BLOCK,
  type BlocksView,
} from '@/lib/server/evidence/load-blocks';
import { loadOr404 } from '@/lib/server/page-loader';
import { formatCalendarDate } from '@/lib/util/format-date';
import page from '@/components/ui/page.module.css';
import styles from './page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Blocks' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ side?: string; team?: string }>;
};

/** A card as Verbatim prints it: tag, cite (short cite bold), then the passage with its marks. */
function Card({ card, tag }: { card: CardDoc; tag: string }) {
  return (
    <div className={styles.card}>
      <h5 className={styles.tag}>{tag}</h5>
      <p className={styles.cite}>
        <strong>{card.citeShort}</strong> {card.citeFull}
      </p>
      <p className={card.marks ? styles.passage : styles.uncut}>
        {card.marks
          ? cardSegments(card.passage, card.marks).map((s, i) => {
              const text = s.underline ? <u>{s.text}</u> : s.text;
              return s.highlight ? <mark key={i}>{text}</mark> : <span key={i}>{text}</span>;
            })
          : card.passage}
      </p>
    </div>
  );
}

function Tag({ node, view }: { node: GraphNode; view: BlocksView }) {
  const card = view.cards[node.id];
  return card ? <Card card={card} tag={node.text} /> : <h5 className={styles.tag}>{node.text}</h5>;
}

/** A side's blocks, Verbatim's way: pocket, hat, block, tag and card; printable, and as a .docx. */
export default async function BlocksPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const side = query.side === 'AGAINST' ? 'AGAINST' : 'FOR';
  const view = await loadOr404(async () =>
    loadBlocks(await currentActor(), id, query.team ? { teamId: query.team } : { side }),
  );
  const chosen = view.team ? `team=${encodeURIComponent(view.team.id)}` : `side=${view.side}`;

  return (
    <PrintablePage
      mapId={id}
      title={`Blocks: ${view.title}`}
      lead={
        <>
          {view.motion && <>Motion: {view.motion}. </>}
          {blocksFor(view)}, {formatCalendarDate(view.madeOn)}.
        </>
      }
    >
      <nav aria-label="Whose blocks" className={styles.choices}>
        <Link
          href={`/maps/${id}/blocks?side=FOR`}
          aria-current={!view.team && view.side === 'FOR' ? 'page' : undefined}
        >
          For the motion
        </Link>
        <Link
          href={`/maps/${id}/blocks?side=AGAINST`}
          aria-current={!view.team && view.side === 'AGAINST' ? 'page' : undefined}
        >
          Against the motion
        </Link>
        {view.teams.map((team) => (
          <Link
            key={team.id}
            href={`/maps/${id}/blocks?team=${encodeURIComponent(team.id)}`}
            aria-current={view.team?.id === team.id ? 'page' : undefined}
          >
            {team.name}
          </Link>
        ))}
        <a href={`/api/maps/${id}/export/blocks?${chosen}`} download className={styles.download}>
          Download .docx
        </a>
      </nav>
      {view.pockets.length === 0 && <p className={page.emptyState}>The map has no claims yet.</p>}
      {view.pockets.map((pocket) => (
        <section
          key={pocket.kind}
          className={styles.pocket}
          aria-labelledby={`pocket-${pocket.kind}`}
        >
          <h2 id={`pocket-${pocket.kind}`} className={styles.pocketTitle}>
            {pocket.title}
          </h2>
          {pocket.hats.map((hat) => (
            <section key={hat.node.id} className={styles.hat}>
              <h3 className={styles.hatTitle}>{hat.node.text}</h3>
              {hat.blocks.map((block) => (
                <section key={block.node.id} className={styles.block}>
                  <h4 className={styles.blockTitle}>{block.node.text}</h4>
                  {block.tags.length === 0 && (
                    <p className={styles.none}>{EMPTY_BLOCK[pocket.kind]}</p>
                  )}
                  {block.tags.map((tag) => (
                    <div key={tag.node.id}>
                      <Tag node={tag.node} view={view} />
                      {tag.cards
                        .filter((c) => c.id !== tag.node.id)
                        .map((c) => (
                          <Tag key={c.id} node={c} view={view} />
                        ))}
                    </div>
                  ))}
                </section>
              ))}
            </section>
          ))}
        </section>
      ))}
      {view.canEdit && (
        <section aria-labelledby="import-title" className={styles.importer}>
          <h2 id="import-title" className={page.sectionTitle}>
            Add cards from Word
          </h2>
          <p>
            Cards cut in Word with the Verbatim template (a tag, its cite, then the card) become
            evidence on the map, under a claim named after their block.
          </p>
          <ImportCardsForm mapId={id} side={view.side === 'AGAINST' ? 'AGAINST' : 'FOR'} />
        </section>
      )}
    </PrintablePage>
  );
}
