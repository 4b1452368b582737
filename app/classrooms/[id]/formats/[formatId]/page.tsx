import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FormatEditor } from '@/components/formats/format-editor';
import { BackIcon } from '@/components/ui/icons';
import { draftOf } from '@/lib/domain/formats/form-fields';
import { currentActor } from '@/lib/server/actor';
import { getClassFormat } from '@/lib/server/formats/class-formats';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { saveFormatAction } from './actions';
import page from '@/components/ui/page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit format' };

type Props = { params: Promise<{ id: string; formatId: string }> };

/** The teacher's page for editing one of the class's debate formats. */
export default async function EditFormatPage({ params }: Props) {
  const { id, formatId } = await params;
  await signedInOrRedirect(`/classrooms/${id}/formats/${formatId}`);
  const classFormat = await loadOr404(async () => getClassFormat(await currentActor(), formatId));
  if (classFormat.classroom.id !== id) notFound();
  return (
    <main className={page.page}>
      <Link href={`/classrooms/${id}`} className={page.back}>
        <BackIcon /> Back to {classFormat.classroom.name}
      </Link>
      <h1 className={page.title}>Edit “{classFormat.name}”</h1>
      <p className={page.lead}>
        Rounds already made keep the format they started with; changes here apply to new rounds.
      </p>
      <FormatEditor
        classroomId={id}
        formatId={formatId}
        saved={draftOf(classFormat.format)}
        action={saveFormatAction}
      />
    </main>
  );
}
