import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { CopyButton } from '@/components/ui/copy-button';
import { LocalTime } from '@/components/ui/local-time';
import { requestOrigin } from '@/lib/server/request-origin';
import { currentActor } from '@/lib/server/actor';
import { getClassroom } from '@/lib/server/classrooms/get-classroom';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { removeStudentAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Classroom' };

type Props = { params: Promise<{ id: string }> };

export default async function ClassroomPage({ params }: Props) {
  const { id } = await params;
  await signedInOrRedirect(`/classrooms/${id}`);
  const classroom = await loadOr404(async () => getClassroom(await currentActor(), id));
  const teaches = classroom.role === 'TEACHER';
  const origin = await requestOrigin();
  const joinLink = classroom.joinCode
    ? `${origin}/join/${classroom.joinCode.replace('-', '')}`
    : null;
  return (
    <main className="page">
      <Link href="/maps" className="page__back">
        ← My maps
      </Link>
      <h1 className="page__title">{classroom.name}</h1>
      <p className="page__lead">
        {teaches ? 'You teach this class.' : `Taught by ${classroom.teacher.name}.`}
      </p>

      {teaches && classroom.joinCode && joinLink && (
        <section aria-labelledby="join-title" className="panel">
          <h2 id="join-title" className="section-title">
            Invite students
          </h2>
          <div className="code-box">
            <div>
              <p className="field__hint">Join code</p>
              <p className="code-box__code" aria-label="Join code">
                {classroom.joinCode}
              </p>
            </div>
            <div>
              <p className="field__hint">Join link</p>
              <p className="code-box__link">{joinLink}</p>
            </div>
            <CopyButton text={joinLink} label="Copy join link" />
          </div>
          <p className="field__hint">
            Students sign in (or create an account) and type the code at {`${origin}/join`}, or open
            the link.
          </p>
        </section>
      )}

      <section aria-labelledby="maps-title" className="page__section">
        <div className="section-head">
          <h2 id="maps-title" className="section-title">
            Debate maps
          </h2>
          {teaches && (
            <Link className="button" href={`/maps/new?classroom=${classroom.id}`}>
              New map for this class
            </Link>
          )}
        </div>
        {classroom.maps.length === 0 ? (
          <p className="empty-state">
            {teaches
              ? 'No maps yet. Create one from the demo debate or from your own sources.'
              : 'Your teacher has not shared a map with the class yet.'}
          </p>
        ) : (
          <ul className="map-list">
            {classroom.maps.map((m) => (
              <li key={m.id} className="map-list__item">
                <Link className="map-card" href={`/maps/${m.id}`}>
                  <h3>{m.title}</h3>
                  <p className="map-card__motion">{m.motion}</p>
                </Link>
                {teaches && (
                  <p className="map-list__actions">
                    <Link href={`/maps/${m.id}/teams`}>Teams</Link> ·{' '}
                    <Link href={`/maps/${m.id}/share`}>Share links</Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="roster-title" className="page__section">
        <h2 id="roster-title" className="section-title">
          Students ({classroom.students.length})
        </h2>
        {classroom.students.length === 0 ? (
          <p className="empty-state">
            {teaches
              ? 'No students yet. Give them the join code or link above.'
              : 'You are the first one here.'}
          </p>
        ) : (
          <table className="table" aria-label="Roster">
            <thead>
              <tr>
                <th scope="col">Name</th>
                {teaches && <th scope="col">Email</th>}
                <th scope="col">Joined</th>
                {teaches && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {classroom.students.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  {teaches && <td>{s.email}</td>}
                  <td>
                    <LocalTime value={s.joinedAt} style="date" />
                  </td>
                  {teaches && (
                    <td>
                      <ActionForm
                        action={removeStudentAction}
                        submitLabel={`Remove ${s.name}`}
                        pendingLabel="Removing…"
                        className="row-form"
                        submitClassName="button button--quiet button--danger button--small"
                        label={`Remove ${s.name} from the class`}
                      >
                        <input type="hidden" name="classroomId" value={classroom.id} />
                        <input type="hidden" name="userId" value={s.id} />
                      </ActionForm>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
