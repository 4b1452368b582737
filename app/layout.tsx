import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { UserMenu } from '@/components/auth/user-menu';
import { LogoMark } from '@/components/ui/icons';
import { currentUser } from '@/lib/server/actor';
import './styles/tokens.css';
import './styles/base.css';
import './styles/primitives.css';
import './styles/react-flow.css';
import styles from './layout.module.css';

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

/**
 * Every page is rendered per request: its scripts carry that request's CSP
 * nonce (proxy.ts), which a page built ahead of time could not.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <a className={styles.skipLink} href="#main">
          Skip to content
        </a>
        <header className={styles.siteHeader} data-region="site header">
          <Link href="/" className={styles.brand} aria-label="Counterpoint home">
            <span className={styles.brandMark} aria-hidden="true">
              <LogoMark />
            </span>
            <span className={styles.brandName}>Counterpoint</span>
          </Link>
          <Suspense fallback={null}>
            <Account />
          </Suspense>
        </header>
        <div id="main" className={styles.siteMain}>
          {children}
        </div>
      </body>
    </html>
  );
}
