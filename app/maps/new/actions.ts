'use server';

import { redirect } from 'next/navigation';
import { MAX_SOURCE_CHARS } from '@/lib/domain/types';
import { AppError } from '@/lib/server/errors';
import { formAction } from '@/lib/server/form-action';
import { createMap, MAX_SOURCES, ZCreateMapInput } from '@/lib/server/maps/create-map';

/**
 * Uploaded sources: plain text or Markdown, read as UTF-8. The limit is the
 * source's, in characters; a file is not read at all past the most bytes
 * that many characters can take.
 */
const MAX_UPLOAD_BYTES = 4 * MAX_SOURCE_CHARS;
const TEXT_FILE = /\.(txt|md|markdown)$/i;

/** The form's numbered source slots (`source0.title`, `source0.file`, …); empty slots are skipped. */
async function readSources(form: FormData) {
  const sources = [];
  for (let i = 0; i < MAX_SOURCES; i++) {
    const name = (field: string) => `source${i}.${field}`;
    const field = (field: string) => String(form.get(name(field)) ?? '');
    const file = form.get(name('file'));
    let text = field('text');
    if (file instanceof File && file.size > 0) {
      if (!TEXT_FILE.test(file.name))
        throw new AppError('VALIDATION_FAILED', `“${file.name}” is not a .txt or .md file.`, {
          field: name('file'),
        });
      if (file.size > MAX_UPLOAD_BYTES)
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `“${file.name}” is longer than a source can be (${MAX_SOURCE_CHARS.toLocaleString('en')} characters).`,
          { field: name('file') },
        );
      text = await file.text();
    }
    const title = field('title');
    if (!title.trim() && !text.trim()) continue;
    if (!title.trim())
      throw new AppError('VALIDATION_FAILED', `Give source ${i + 1} a title.`, {
        field: name('title'),
      });
    if (!text.trim())
      throw new AppError(
        'VALIDATION_FAILED',
        `Paste the text of “${title.trim()}” or upload it as a .txt or .md file.`,
        { field: name('text') },
      );
    // The side is checked by the schema like every other field.
    sources.push({ title, author: field('author'), side: field('side') || 'NEUTRAL', text });
  }
  return sources;
}

export const createMapAction = formAction(
  ZCreateMapInput,
  async (input, actor) => {
    const { id } = await createMap(actor, input);
    redirect(`/maps/${id}`);
  },
  {
    read: async (form) => {
      const text = (name: string) => String(form.get(name) ?? '');
      const template = text('template');
      return {
        title: text('title'),
        motion: text('motion'),
        template,
        classroomId: text('classroomId') || null,
        sources: template === 'blank' ? await readSources(form) : [],
      };
    },
  },
);
