import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { BackIcon } from '@/components/ui/icons';
import { LocalTime } from '@/components/ui/local-time';
import { ShareLinkForm } from '@/components/ui/share-link-form';
import { currentActor } from '@/lib/server/actor';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { listShareLinks } from '@/lib/server/share-links/list-share-links';
import { createShareLinkAction, revokeShareLinkAction } from './actions';
import page from '@/components/ui/page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Share links' };

type Props = { params: Promise<{ id: string }> };

const ROLE_WORDS = { VIEWER: 'View', COMMENTER: 'Comment', EDITOR: 'Edit', OWNER: 'Own' } as const;

export default async function SharePage({ params }: Props) {
  const { id } = await params;
  await signedInOrRedirect(`/maps/${id}/share`);
  const { mapTitle, links } = await loadOr404(async () => listShareLinks(await currentActor(), id));
  return (
    <main className={page.page}>
      <Link href={`/maps/${id}`} className={page.back}>
        <BackIcon /> Back to the map
      </Link>
      <h1 className={page.title}>Share “{mapTitle}”</h1>
      <p className={page.lead}>
        A view link opens the map read-only, even for people who are not signed in. Comment and edit
        links ask people to sign in, then add them to the map. Teams’ private notes are never shared
        by a link.
      </p>
      <section aria-labelledby="new-link-title" className={page.panel}>
        <h2 id="new-link-title" className={page.sectionTitle}>
          New link
        </h2>
        <ShareLinkForm mapId={id} action={createShareLinkAction} />
      </section>
      <section aria-labelledby="links-title" className={page.section}>
        <h2 id="links-title" className={page.sectionTitle}>
          Links
        </h2>
        {links.length === 0 ? (
          <p className={page.emptyState}>No links yet.</p>
        ) : (
          <div className={page.tableScroll}>
            <table className={page.table} aria-label="Share links">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Lets people</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {links.map((l) => (
                  <tr key={l.id}>
                    <th scope="row" className={page.rowName}>
                      {l.name ?? <span className={page.unnamed}>No name</span>}
                    </th>
                    <td>{ROLE_WORDS[l.role]}</td>
                    <td>
                      <LocalTime value={l.createdAt} />
                    </td>
                    <td>{l.expiresAt ? <LocalTime value={l.expiresAt} /> : 'Never'}</td>
                    <td>
                      <span className={`badge badge--${l.status}`}>{l.status}</span>
                    </td>
                    <td>
                      {l.status === 'active' && (
                        <ActionForm
                          action={revokeShareLinkAction}
                          submitLabel="Revoke"
                          pendingLabel="Revoking…"
                          className={page.rowForm}
                          submitClassName="button button--quiet button--danger button--small"
                          labelledBy={`revoke-${l.id}`}
                        >
                          <span id={`revoke-${l.id}`} className="visually-hidden">
                            {l.name ? (
                              <>Revoke the link “{l.name}”</>
                            ) : (
                              <>
                                Revoke the {ROLE_WORDS[l.role].toLowerCase()} link created{' '}
                                <LocalTime value={l.createdAt} />
                              </>
                            )}
                          </span>
                          <input type="hidden" name="mapId" value={id} />
                          <input type="hidden" name="linkId" value={l.id} />
                        </ActionForm>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
