'use client';

import Link from 'next/link';
import card from '@/components/ui/card-page.module.css';

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className={card.message} role="alert">
      <h1>Something went wrong</h1>
      <p>We could not load this page. Your work is saved; try again in a moment.</p>
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>{' '}
        <Link className="button button--quiet" href="/">
          Back to your maps
        </Link>
      </p>
    </main>
  );
}
