import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { ConfirmRemove } from '@/components/ui/confirm-remove';
import { BackIcon } from '@/components/ui/icons';
import { LocalTime } from '@/components/ui/local-time';
import { ShareLinkForm } from '@/components/ui/share-link-form';
import { currentActor } from '@/lib/server/actor';
import { listMapMembers, MEMBER_ROLES, type MapMemberRow } from '@/lib/server/maps/map-members';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { listShareLinks } from '@/lib/server/share-links/list-share-links';
import {
  createShareLinkAction,
  removeMemberAction,
  revokeShareLinkAction,
  setMemberRoleAction,
} from './actions';
import page from '@/components/ui/page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Share links' };

type Props = { params: Promise<{ id: string }> };

const ROLE_WORDS = { VIEWER: 'View', COMMENTER: 'Comment', EDITOR: 'Edit', OWNER: 'Own' } as const;

export default async function SharePage({ params }: Props) {
  const { id } = await params;
  await signedInOrRedirect(`/maps/${id}/share`);
  const actor = await currentActor();
  const [{ mapTitle, links }, { members, classroom }] = await loadOr404(async () =>
    Promise.all([listShareLinks(actor, id), listMapMembers(actor, id)]),
  );
  return (
    <main className={page.page}>
      <Link href={`/maps/${id}`} className={page.back}>
        <BackIcon /> Back to the map
      </Link>
      <h1 className={page.title}>Share “{mapTitle}”</h1>
      <p className={page.lead}>
        A view link opens the map read-only, even for people who are not signed in. Comment and edit
        links ask people to sign in, then add them to the map for as long as the link is valid:
        revoking it, or its expiry, takes their access away unless you set their role yourself.
        Teams’ private notes are never shared by a link.
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
      <section aria-labelledby="members-title" className={page.section}>
        <h2 id="members-title" className={page.sectionTitle}>
          People ({members.length})
        </h2>
        {classroom && (
          <p className={page.lead}>
            The students of <Link href={`/classrooms/${classroom.id}`}>{classroom.name}</Link> edit
            this map through the class; add or remove them on the class’s page.
          </p>
        )}
        <div className={page.tableScroll}>
          <table className={page.table} aria-label="People on this map">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row" className={page.rowName}>
                    {m.name}
                    {m.email && <span className="visually-hidden"> ({m.email})</span>}
                  </th>
                  <td>
                    {m.origin.kind === 'owner' ? (
                      'Owner'
                    ) : (
                      <ActionForm
                        action={setMemberRoleAction}
                        submitLabel="Change role"
                        submitName={`Change role of ${m.name}`}
                        pendingLabel="Changing…"
                        className={page.inlineForm}
                        submitClassName="button button--quiet button--small"
                        label={`Change the role of ${m.name}`}
                      >
                        <input type="hidden" name="mapId" value={id} />
                        <input type="hidden" name="userId" value={m.userId} />
                        <select
                          name="role"
                          defaultValue={m.role ?? ''}
                          aria-label={`Role of ${m.name}`}
                        >
                          {m.role === null && (
                            <option value="" disabled>
                              No access
                            </option>
                          )}
                          {MEMBER_ROLES.map((role) => (
                            <option key={role} value={role}>
                              {ROLE_WORDS[role]}
                            </option>
                          ))}
                        </select>
                      </ActionForm>
                    )}
                  </td>
                  <td>
                    <JoinedThrough member={m} />
                  </td>
                  <td>
                    {m.origin.kind !== 'owner' && (
                      <ConfirmRemove
                        name={m.name}
                        question={`Remove ${m.name} from “${mapTitle}”?`}
                        explanation="They lose access to this map now, and their places on its teams. What they wrote stays on the map. A link you send them again lets them back in."
                        formLabel={`Remove ${m.name} from the map`}
                        fields={{ mapId: id, userId: m.userId }}
                        action={removeMemberAction}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}

/** How a member joined: they own the map, the owner gave their role, or a link (and whether it still holds). */
function JoinedThrough({ member }: { member: MapMemberRow }) {
  const { origin } = member;
  if (origin.kind === 'owner') return <>Owns the map</>;
  if (origin.kind === 'direct') return <>Role set by the owner</>;
  const link = origin.name ? (
    <>the link “{origin.name}”</>
  ) : (
    <>
      the {ROLE_WORDS[origin.linkRole].toLowerCase()} link of{' '}
      <LocalTime value={origin.createdAt} style="date" />
    </>
  );
  return (
    <>
      Through {link}
      {origin.status !== 'active' && (
        <>
          {' '}
          <span className={`badge badge--${origin.status}`}>{origin.status}</span>
          {member.role === null ? ' · no access' : ` · keeps ${ROLE_WORDS[member.role]}`}
        </>
      )}
    </>
  );
}
