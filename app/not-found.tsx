import Link from 'next/link';
import card from '@/components/ui/card-page.module.css';

export default function NotFound() {
  return (
    <main className={card.message}>
      <h1>We couldn’t find that page</h1>
      <p>The map or page you asked for does not exist, or you do not have access to it.</p>
      <Link className="button" href="/">
        Go to your maps
      </Link>
    </main>
  );
}
