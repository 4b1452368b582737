'use server';

import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import type { Side } from '@/lib/domain/types';
import { createMap, MAX_SOURCES } from '@/lib/server/maps/create-map';

export type NewMapState = { error?: string; title?: string; motion?: string };

/** Uploaded sources: plain text or Markdown, read as UTF-8. */
const MAX_UPLOAD_BYTES = 400_000;
const TEXT_FILE = /\.(txt|md|markdown)$/i;

async function readSources(form: FormData) {
  const sources = [];
  for (let i = 0; i < MAX_SOURCES; i++) {
    const field = (name: string) => String(form.get(`source${i}.${name}`) ?? '');
    const file = form.get(`source${i}.file`);
    let text = field('text');
    if (file instanceof File && file.size > 0) {
      if (!TEXT_FILE.test(file.name))
        throw new AppError('VALIDATION_FAILED', `“${file.name}” is not a .txt or .md file.`);
      if (file.size > MAX_UPLOAD_BYTES)
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `“${file.name}” is larger than ${MAX_UPLOAD_BYTES / 1000} kB.`,
        );
      text = await file.text();
    }
    const title = field('title');
    if (!title.trim() && !text.trim()) continue;
    if (!title.trim()) throw new AppError('VALIDATION_FAILED', `Give source ${i + 1} a title.`);
    if (!text.trim())
      throw new AppError(
        'VALIDATION_FAILED',
        `Paste the text of “${title.trim()}” or upload it as a .txt or .md file.`,
      );
    // The side is checked by createMap's schema like every other field.
    sources.push({
      title,
      author: field('author'),
      side: (field('side') || 'NEUTRAL') as Side,
      text,
    });
  }
  return sources;
}

export async function createMapAction(
  _previous: NewMapState,
  form: FormData,
): Promise<NewMapState> {
  const title = String(form.get('title') ?? '');
  const motion = String(form.get('motion') ?? '');
  const template = String(form.get('template') ?? '');
  const classroomId = String(form.get('classroomId') ?? '') || null;
  let id: string;
  try {
    const sources = template === 'blank' ? await readSources(form) : [];
    id = (
      await createMap(await currentActor(), {
        title,
        motion,
        template: template as 'blank' | 'demo',
        classroomId,
        sources,
      })
    ).id;
  } catch (error) {
    if (error instanceof AppError)
      return { error: error.message.replace(/^[\w.]+: /, ''), title, motion };
    throw error;
  }
  redirect(`/maps/${id}`);
}
