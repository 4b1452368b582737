'use client';

import { useMemo } from 'react';

/**
 * The headers that carry a view link's token (`x-share-token`, read by
 * lib/server/actor.ts), so a page opened from a share link acts as the link;
 * none for a signed-in reader.
 */
export function shareTokenHeaders(shareToken: string | null): Record<string, string> {
  return shareToken ? { 'x-share-token': shareToken } : {};
}

/** The same headers, one object for as long as the token stays: for hooks that refetch when it changes. */
export function useShareTokenHeaders(shareToken: string | null): Record<string, string> {
  return useMemo(() => shareTokenHeaders(shareToken), [shareToken]);
}
