'use client';

import { useSyncExternalStore } from 'react';
import { formatInstant, type DateStyle } from '@/lib/util/format-date';

const noSubscription = () => () => {};

/**
 * An instant in the reader's time zone. The server cannot know that zone, so
 * the server's HTML (and the first render while hydrating) shows UTC and says
 * so; the browser then renders its own zone, without a hydration mismatch.
 */
export function LocalTime({
  value,
  style = 'dateTime',
}: {
  value: string | Date;
  style?: DateStyle;
}) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const iso = typeof value === 'string' ? value : value.toISOString();
  const text = inBrowser ? formatInstant(iso, style) : `${formatInstant(iso, style, 'UTC')} UTC`;
  return <time dateTime={iso}>{text}</time>;
}
