import type { Metadata } from 'next';
import Link from 'next/link';
import { AddSourceForm } from '@/components/reader/add-source-form';
import { BackIcon } from '@/components/ui/icons';
import { currentActor } from '@/lib/server/actor';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { mapForNewSource } from '@/lib/server/sources/add-source';
import { SOURCE_FILE_LIMITS } from '@/lib/server/sources/read-source';
import page from '@/components/ui/page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Add a source' };

type Props = { params: Promise<{ id: string }> };

const MB = 1024 * 1024;
const L = SOURCE_FILE_LIMITS;
const LIMITS =
  `PDF up to ${L.pdfBytes / MB} MB and ${L.pdfPages} pages, Word up to ${L.docxBytes / MB} MB, ` +
  `web pages up to ${L.htmlBytes / MB} MB; at most ${L.chars.toLocaleString('en')} characters ` +
  `of text (about 30,000 words). A scanned PDF needs a text layer (OCR) first.`;

/** Adding a source to a map: a file or pasted text, read, checked, then saved. */
export default async function NewSourcePage({ params }: Props) {
  const { id } = await params;
  await signedInOrRedirect(`/maps/${id}/sources/new`);
  const map = await loadOr404(async () => mapForNewSource(await currentActor(), id));
  return (
    <main className={`${page.page} ${page.narrow}`}>
      <Link href={`/maps/${id}`} className={page.back}>
        <BackIcon /> Back to the map
      </Link>
      <h1 className={page.title}>Add a source to “{map.title}”</h1>
      <p className={page.lead}>
        An article, a report or a chapter that students quote for evidence. It is read first and
        shown to you to check; nothing is added until you save it.
      </p>
      <AddSourceForm mapId={id} maxBytes={L.pdfBytes} limits={LIMITS} />
    </main>
  );
}
