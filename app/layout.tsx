import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { UserMenu } from '@/components/auth/user-menu';
import { currentUser } from '@/lib/server/actor';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Counterpoint', template: '%s · Counterpoint' },
  description:
    'Map the arguments of a debate together: claims, evidence and objections, anchored to the sources they quote.',
};

export const viewport: Viewport = { themeColor: '#0f766e' };

/** The account menu, streamed: it reads the session. */
async function Account() {
  return <UserMenu user={await currentUser()} />;
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand" aria-label="Counterpoint home">
            <span className="brand__mark" aria-hidden="true">
              ⟂
            </span>
            Counterpoint
          </Link>
          <Suspense fallback={null}>
            <Account />
          </Suspense>
        </header>
        <div id="main" className="site-main">
          {children}
        </div>
      </body>
    </html>
  );
}
