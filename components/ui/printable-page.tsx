import Link from 'next/link';
import type { ReactNode } from 'react';
import { PrintButton } from './print-button';

/**
 * A page meant to be printed from a map (the debate brief, a team's prep
 * sheet): a way back to the map and a print button, both hidden on paper,
 * around the title, the lead line and the content.
 */
export function PrintablePage({
  mapId,
  className,
  title,
  lead,
  children,
}: {
  mapId: string;
  className?: string;
  title: ReactNode;
  lead: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className={`page page--narrow prep${className ? ` ${className}` : ''}`}>
      <div className="prep__screen-only">
        <Link href={`/maps/${mapId}`} className="page__back">
          ← Back to the map
        </Link>
      </div>
      <h1 className="page__title">{title}</h1>
      <p className="page__lead">{lead}</p>
      <p className="prep__screen-only">
        <PrintButton />
      </p>
      {children}
    </main>
  );
}
