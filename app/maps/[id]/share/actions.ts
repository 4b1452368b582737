'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/server/form-action';
import { ZRecordId } from '@/lib/server/http';
import { removeMapMember, setMemberRole, ZSetMemberRoleInput } from '@/lib/server/maps/map-members';
import { qrCodeDataUrl } from '@/lib/server/qr-code';
import { requestOrigin } from '@/lib/server/request-origin';
import { createShareLink, ZCreateShareLinkInput } from '@/lib/server/share-links/create-share-link';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';

const ZCreateShareLinkForm = ZCreateShareLinkInput.extend({ mapId: ZRecordId });
const ZRevokeShareLinkForm = ZCreateShareLinkForm.pick({ mapId: true }).extend({
  linkId: ZRecordId,
});

/**
 * Answers the new link itself, shown once (only its hash is stored), with
 * its QR code and, for a view link, its projector link (/p/TOKEN).
 */
export const createShareLinkAction = formAction<
  typeof ZCreateShareLinkForm,
  { link: string; qr: string; projector?: string }
>(ZCreateShareLinkForm, async ({ mapId, ...input }, actor) => {
  const { token } = await createShareLink(actor, mapId, input);
  revalidatePath(`/maps/${mapId}/share`);
  const origin = await requestOrigin();
  const link = `${origin}/s/${token}`;
  return {
    link,
    qr: await qrCodeDataUrl(link),
    ...(input.role === 'VIEWER' && { projector: `${origin}/p/${token}` }),
  };
});

export const revokeShareLinkAction = formAction(
  ZRevokeShareLinkForm,
  async ({ mapId, linkId }, actor) => {
    await revokeShareLink(actor, mapId, linkId);
    revalidatePath(`/maps/${mapId}/share`);
  },
);

const ZSetMemberRoleForm = ZSetMemberRoleInput.extend({ mapId: ZRecordId });
const ZRemoveMemberForm = ZSetMemberRoleForm.pick({ mapId: true, userId: true });

export const setMemberRoleAction = formAction(
  ZSetMemberRoleForm,
  async ({ mapId, ...input }, actor) => {
    await setMemberRole(actor, mapId, input);
    revalidatePath(`/maps/${mapId}/share`);
    return { notice: 'Role changed.' };
  },
);

export const removeMemberAction = formAction(
  ZRemoveMemberForm,
  async ({ mapId, userId }, actor) => {
    await removeMapMember(actor, mapId, userId);
    revalidatePath(`/maps/${mapId}/share`);
  },
);
