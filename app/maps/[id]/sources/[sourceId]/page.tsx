import type { Metadata } from 'next';
import Link from 'next/link';
import { RemoveSource } from '@/components/reader/remove-source';
import { SourceDetailsForm } from '@/components/reader/source-details-form';
import { BackIcon } from '@/components/ui/icons';
import { currentActor } from '@/lib/server/actor';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { getSourceDetails } from '@/lib/server/sources/add-source';
import { sourceRemovalOutlook } from '@/lib/server/sources/remove-source';
import page from '@/components/ui/page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Source details' };

type Props = { params: Promise<{ id: string; sourceId: string }> };

/** A source's details (for its citation), which its map's editors can correct. */
export default async function SourceDetailsPage({ params }: Props) {
  const { id, sourceId } = await params;
  await signedInOrRedirect(`/maps/${id}/sources/${sourceId}`);
  const actor = await currentActor();
  const [source, outlook] = await loadOr404(async () =>
    Promise.all([getSourceDetails(actor, id, sourceId), sourceRemovalOutlook(actor, id, sourceId)]),
  );
  return (
    <main className={`${page.page} ${page.narrow}`}>
      <Link href={`/maps/${id}?source=${sourceId}`} className={page.back}>
        <BackIcon /> Back to the map
      </Link>
      <h1 className={page.title}>{source.details.title}</h1>
      <p className={page.lead}>
        A source of “{source.mapTitle}”{source.fileName ? `, read from “${source.fileName}”` : ''}:{' '}
        {source.characters.toLocaleString('en')} characters
        {source.pages > 0 ? ` on ${source.pages} pages` : ''}. Its details make its citation and can
        be corrected; its text stays as it is, because evidence quotes it.
      </p>
      <SourceDetailsForm mapId={id} sourceId={sourceId} values={source.details} />
      {outlook && (
        <RemoveSource
          mapId={id}
          sourceId={sourceId}
          title={source.details.title}
          passages={outlook.passages}
          quotedByDeleted={outlook.quotedByDeleted}
        />
      )}
    </main>
  );
}
