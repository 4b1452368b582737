import type { Metadata } from 'next';
import { ImportForm } from '@/components/ui/import-form';
import { signedInOrRedirect } from '@/lib/server/page-loader';
import card from '@/components/ui/card-page.module.css';

export const metadata: Metadata = { title: 'Import a map' };

export default async function ImportPage() {
  await signedInOrRedirect('/maps/import');
  return (
    <main className={card.form}>
      <h1>Import a map</h1>
      <p className={card.lead}>The file becomes a new map that you own. Counterpoint reads:</p>
      <ul className={card.list}>
        <li>
          <strong>Counterpoint backups</strong> (.json): the whole map with its sources and your
          team’s notes.
        </li>
        <li>
          <strong>AIF</strong> (.json) from OVA, AIFdb or other argument tools: claims, supports,
          conflicts and rephrases, with OVA’s layout.
        </li>
        <li>
          <strong>Argdown</strong> (.argdown): statements, arguments and their relations, as Argdown
          maps them.
        </li>
        <li>
          <strong>Kialo</strong> (.txt, from “Export discussion”): the thesis, its pros and cons as
          supports and objections, and linked claims as one card with each of their connections.
        </li>
      </ul>
      <ImportForm />
    </main>
  );
}
