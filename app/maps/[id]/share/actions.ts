'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { currentActor } from '@/lib/server/actor';
import { parseForm, runFormAction, type FormState } from '@/lib/server/form-action';
import { createShareLink, ZCreateShareLinkInput } from '@/lib/server/share-links/create-share-link';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';

const ZMapId = z.string().min(1).max(64);

export type ShareFormState = FormState & { link?: string };

async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

export async function createShareLinkAction(_state: ShareFormState, form: FormData): Promise<ShareFormState> {
  let link = '';
  const state = await runFormAction(async () => {
    const mapId = parseForm(ZMapId, form.get('mapId'));
    const input = parseForm(ZCreateShareLinkInput, { role: form.get('role'), expiresInDays: form.get('expiresInDays') });
    const { token } = await createShareLink(await currentActor(), mapId, input);
    link = `${await origin()}/s/${token}`;
    revalidatePath(`/maps/${mapId}/share`);
  });
  return link ? { link } : state;
}

export async function revokeShareLinkAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async () => {
    const mapId = parseForm(ZMapId, form.get('mapId'));
    await revokeShareLink(await currentActor(), mapId, parseForm(ZMapId, form.get('linkId')));
    revalidatePath(`/maps/${mapId}/share`);
  });
}
