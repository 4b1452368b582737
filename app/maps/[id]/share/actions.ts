'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requestOrigin } from '@/lib/server/request-origin';
import { currentActor } from '@/lib/server/actor';
import { parseForm, runFormAction, type FormState } from '@/lib/server/form-action';
import { createShareLink, ZCreateShareLinkInput } from '@/lib/server/share-links/create-share-link';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';

const ZMapId = z.string().min(1).max(64);

export type ShareFormState = FormState & { link?: string };

export async function createShareLinkAction(
  _state: ShareFormState,
  form: FormData,
): Promise<ShareFormState> {
  let link = '';
  const state = await runFormAction(async () => {
    const mapId = parseForm(ZMapId, form.get('mapId'));
    const input = parseForm(ZCreateShareLinkInput, {
      role: form.get('role'),
      expiresInDays: form.get('expiresInDays'),
    });
    const { token } = await createShareLink(await currentActor(), mapId, input);
    link = `${await requestOrigin()}/s/${token}`;
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
