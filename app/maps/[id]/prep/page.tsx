import type { Metadata } from 'next';
import Link from 'next/link';
import { BackIcon } from '@/components/ui/icons';
import { PrintablePage } from '@/components/ui/printable-page';
import { SourceQuote } from '@/components/ui/source-quote';
import { displayName } from '@/lib/domain/people';
import { crossExamination } from '@/lib/domain/reasoning/prep';
import type { Side } from '@/lib/domain/types';
import type { AnnotationView } from '@/lib/domain/social';
import { currentActor } from '@/lib/server/actor';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { getSocialView } from '@/lib/server/social/get-social-view';
import page from '@/components/ui/page.module.css';
import styles from './page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Team prep sheet' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ team?: string }> };

/**
 * A team's prep sheet: its annotated claims grouped by tag and by who
 * prepares them, with the quotes they rely on, and the critical questions
 * still open on the other side's tagged arguments (prompts to ask). Built from the same
 * privacy-filtered view as the map: a student gets only their own team's.
 */
export default async function PrepSheetPage({ params, searchParams }: Props) {
  const { id } = await params;
  await signedInOrRedirect(`/maps/${id}/prep`);
  const actor = await currentActor();
  const [snapshot, social] = await loadOr404(() =>
    Promise.all([getMapSnapshot(actor, id), getSocialView(actor, id)]),
  );
  const wanted = (await searchParams).team;
  const layer = social.layers.find((l) => (wanted ? l.teamId === wanted : l.mine)) ?? null;
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const sources = new Map(snapshot.sources.map((s) => [s.id, s]));

  if (!layer) {
    return (
      <main className={`${page.page} ${page.narrow}`}>
        <Link href={`/maps/${id}`} className={page.back}>
          <BackIcon /> Back to the map
        </Link>
        <h1 className={page.title}>Prep sheet</h1>
        <p className={page.emptyState}>
          {social.canSeeAllLayers
            ? 'Choose a team: '
            : 'You are not on a team for this map, so there is no prep sheet for you.'}
          {social.canSeeAllLayers &&
            social.layers.map((l, i) => (
              <span key={l.teamId}>
                {i > 0 && ' · '}
                <Link href={`/maps/${id}/prep?team=${l.teamId}`}>{l.name}</Link>
              </span>
            ))}
        </p>
      </main>
    );
  }

  const onNodes = layer.annotations.filter(
    (a) => a.target.kind === 'NODE' && nodes.has((a.target as { nodeId: string }).nodeId),
  );
  const claimIds = [...new Set(onNodes.map((a) => (a.target as { nodeId: string }).nodeId))];
  const about = (nodeId: string) =>
    onNodes.filter((a) => (a.target as { nodeId: string }).nodeId === nodeId);
  const tags = [...new Set(onNodes.filter((a) => a.kind === 'TAG').map((a) => a.tag!))].sort();
  const assignees = [
    ...new Set(
      onNodes
        .filter((a) => a.kind === 'ASSIGNMENT')
        .map((a) => displayName({ name: a.assigneeName })),
    ),
  ].sort();
  const prompts = crossExamination(snapshot, layer.side as Side);
  const untagged = claimIds.filter((nodeId) => !about(nodeId).some((a) => a.kind === 'TAG'));

  const Claim = ({ nodeId }: { nodeId: string }) => {
    const node = nodes.get(nodeId)!;
    const notes = about(nodeId);
    const rating = notes.find((a: AnnotationView) => a.kind === 'RATING');
    const note = notes.find((a) => a.kind === 'NOTE');
    const who = notes.find((a) => a.kind === 'ASSIGNMENT');
    const source = node.anchor ? sources.get(node.anchor.sourceId) : undefined;
    return (
      <li className={styles.claim}>
        <p>
          <strong>{node.text}</strong>{' '}
          <span className={styles.kind}>({node.kind.toLowerCase()})</span>
        </p>
        {rating && (
          <p>
            Strength {rating.rating}/5{rating.body && <>: {rating.body}</>}
          </p>
        )}
        {note && <p>Note: {note.body}</p>}
        {who && <p>Prepared by {displayName({ name: who.assigneeName })}</p>}
        {node.anchor && source && (
          <SourceQuote
            anchor={node.anchor}
            source={source}
            citationStyle={snapshot.citationStyle}
          />
        )}
      </li>
    );
  };

  return (
    <PrintablePage
      mapId={id}
      title={
        <>
          Prep sheet: {layer.name}{' '}
          <span className={styles.side}>
            ({layer.side === 'FOR' ? 'for' : layer.side === 'AGAINST' ? 'against' : 'neutral'})
          </span>
        </>
      }
      lead={snapshot.motion ? `${snapshot.title} — motion: ${snapshot.motion}` : snapshot.title}
    >
      {claimIds.length === 0 ? (
        <p className={page.emptyState}>
          Nothing yet: rate, tag or note claims on the map and they appear here.
        </p>
      ) : (
        <>
          <section aria-labelledby="by-tag">
            <h2 id="by-tag" className={page.sectionTitle}>
              By tag
            </h2>
            {tags.map((tag) => (
              <div key={tag} className={styles.group}>
                <h3>{tag}</h3>
                <ul>
                  {claimIds
                    .filter((nodeId) =>
                      about(nodeId).some((a) => a.kind === 'TAG' && a.tag === tag),
                    )
                    .map((nodeId) => (
                      <Claim key={nodeId} nodeId={nodeId} />
                    ))}
                </ul>
              </div>
            ))}
            {untagged.length > 0 && (
              <div className={styles.group}>
                <h3>Not tagged</h3>
                <ul>
                  {untagged.map((nodeId) => (
                    <Claim key={nodeId} nodeId={nodeId} />
                  ))}
                </ul>
              </div>
            )}
          </section>
          {assignees.length > 0 && (
            <section aria-labelledby="by-person" className={page.section}>
              <h2 id="by-person" className={page.sectionTitle}>
                Who prepares what
              </h2>
              {assignees.map((name) => (
                <div key={name} className={styles.group}>
                  <h3>{name}</h3>
                  <ul>
                    {claimIds
                      .filter((nodeId) =>
                        about(nodeId).some(
                          (a) =>
                            a.kind === 'ASSIGNMENT' &&
                            displayName({ name: a.assigneeName }) === name,
                        ),
                      )
                      .map((nodeId) => (
                        <li key={nodeId}>{nodes.get(nodeId)!.text}</li>
                      ))}
                  </ul>
                </div>
              ))}
            </section>
          )}
        </>
      )}
      {prompts.length > 0 && (
        <section aria-labelledby="cross-examination" className={page.section}>
          <h2 id="cross-examination" className={page.sectionTitle}>
            Cross-examination: their open critical questions
          </h2>
          {prompts.map(({ argument, scheme, open }) => (
            <div key={argument.key} className={`${styles.group} ${styles.prompt}`}>
              <h3>
                {argument.premises.map((p) => `“${nodes.get(p)?.text ?? ''}”`).join(' + ')} → “
                {nodes.get(argument.conclusion)?.text ?? ''}”{' '}
                <span className={styles.kind}>({scheme.name})</span>
              </h3>
              <ul>
                {open.map((q) => (
                  <li key={q.id}>{q.question}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </PrintablePage>
  );
}
