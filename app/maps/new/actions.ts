'use server';

import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { createMap, ZCreateMapInput } from '@/lib/server/maps/create-map';

export type NewMapState = { error?: string; title?: string; motion?: string };

export async function createMapAction(_previous: NewMapState, form: FormData): Promise<NewMapState> {
  const raw = { title: String(form.get('title') ?? ''), motion: String(form.get('motion') ?? ''), template: String(form.get('template') ?? '') };
  const parsed = ZCreateMapInput.safeParse(raw);
  if (!parsed.success) return { error: parsed.error.issues[0]!.message, title: raw.title, motion: raw.motion };
  let id: string;
  try {
    id = (await createMap(await currentActor(), parsed.data)).id;
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, title: raw.title, motion: raw.motion };
    throw error;
  }
  redirect(`/maps/${id}`);
}
