import type { Metadata } from 'next';
import Link from 'next/link';
import { BackIcon } from '@/components/ui/icons';
import { CopyButton } from '@/components/ui/copy-button';
import { LocalTime } from '@/components/ui/local-time';
import { ConfirmRemove } from '@/components/ui/confirm-remove';
import { requestOrigin } from '@/lib/server/request-origin';
import { currentActor } from '@/lib/server/actor';
import { getClassroom } from '@/lib/server/classrooms/get-classroom';
import { listClassRounds } from '@/lib/server/rounds/list-rounds';
import { RoundList } from '@/components/rounds/round-list';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { ClassFormatsSection } from '@/components/formats/class-formats-section';
import { PRESETS } from '@/lib/domain/formats';
import { listClassFormats } from '@/lib/server/formats/class-formats';
import { CitationStyleSection } from '@/components/classrooms/citation-style-section';
import {
  copyFormatAction,
  deleteFormatAction,
  deleteClassroomAction,
  deleteStudentDataAction,
  removeStudentAction,
  setCitationStyleAction,
  setJoinDeadlineAction,
} from './actions';
import { JoinDeadlineForm } from '@/components/classrooms/join-deadline-form';
import { JoinQrCode } from '@/components/classrooms/join-qr-code';
import { qrCodeDataUrl } from '@/lib/server/qr-code';
import { MapCard, MapList } from '@/components/ui/map-card';
import { AddStudentsForm } from '@/components/accounts/add-students-form';
import { ResetPasswordButton } from '@/components/accounts/reset-password-button';
import { addStudentsAction, resetStudentPasswordAction } from './account-actions';
import { StudentDataActions } from '@/components/privacy/student-data-actions';
import { FormerStudents } from '@/components/privacy/former-students';
import { listFormerStudents } from '@/lib/server/privacy/former-students';
import page from '@/components/ui/page.module.css';
import styles from './page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Classroom' };

type Props = { params: Promise<{ id: string }> };

export default async function ClassroomPage({ params }: Props) {
  const { id } = await params;
  await signedInOrRedirect(`/classrooms/${id}`);
  const actor = await currentActor();
  const [classroom, formats, rounds] = await loadOr404(async () =>
    Promise.all([getClassroom(actor, id), listClassFormats(actor, id), listClassRounds(actor, id)]),
  );
  const teaches = classroom.role === 'TEACHER';
  const former = teaches ? await listFormerStudents(actor, id) : [];
  const origin = await requestOrigin();
  const joinLink = classroom.joinCode
    ? `${origin}/join/${classroom.joinCode.replace('-', '')}`
    : null;
  return (
    <main className={page.page}>
      <Link href="/maps" className={page.back}>
        <BackIcon /> My maps
      </Link>
      <h1 className={page.title}>{classroom.name}</h1>
      <p className={page.lead}>
        {teaches ? 'You teach this class.' : `Taught by ${classroom.teacher.name}.`}
      </p>

      {teaches && classroom.joinCode && joinLink && (
        <section aria-labelledby="join-title" className={page.panel}>
          <h2 id="join-title" className={page.sectionTitle}>
            Invite students
          </h2>
          <div className={styles.codeBox}>
            <div>
              <p className="field__hint">Join code</p>
              <p className={styles.code} aria-label="Join code">
                {classroom.joinCode}
              </p>
            </div>
            <div>
              <p className="field__hint">Join link</p>
              <p className={styles.link}>{joinLink}</p>
            </div>
            <CopyButton text={joinLink} label="Copy join link" />
          </div>
          <p className="field__hint">
            Students sign in (or create an account) and type the code at {`${origin}/join`}, or open
            the link.
          </p>
          <JoinQrCode src={await qrCodeDataUrl(joinLink)} code={classroom.joinCode} />
          <JoinDeadlineForm
            classroomId={classroom.id}
            joinClosesAt={classroom.joinClosesAt}
            closed={classroom.joinClosed}
            action={setJoinDeadlineAction}
          />
        </section>
      )}

      {teaches && (
        <section aria-labelledby="managed-title" className={page.panel}>
          <h2 id="managed-title" className={page.sectionTitle}>
            Add students without email
          </h2>
          <p className="field__hint">
            For students without an email address: each gets a username and a one-time password on a
            printable sign-in card, and chooses their own password when they first sign in.
          </p>
          <AddStudentsForm
            classroomId={classroom.id}
            action={addStudentsAction}
            signInUrl={`${origin}/sign-in`}
          />
        </section>
      )}

      <section aria-labelledby="maps-title" className={page.section}>
        <div className={page.sectionHead}>
          <h2 id="maps-title" className={page.sectionTitle}>
            Debate maps
          </h2>
          {teaches && (
            <Link className="button" href={`/maps/new?classroom=${classroom.id}`}>
              New map for this class
            </Link>
          )}
        </div>
        {classroom.maps.length === 0 ? (
          <p className={page.emptyState}>
            {teaches
              ? 'No maps yet. Create one from the demo debate or from your own sources.'
              : 'Your teacher has not shared a map with the class yet.'}
          </p>
        ) : (
          <MapList>
            {classroom.maps.map((m) => (
              <MapCard
                key={m.id}
                href={`/maps/${m.id}`}
                title={m.title}
                motion={m.motion}
                actions={
                  teaches ? (
                    <>
                      <Link href={`/maps/${m.id}/teams`}>Teams</Link> ·{' '}
                      <Link href={`/maps/${m.id}/share`}>Share links</Link>
                    </>
                  ) : null
                }
              />
            ))}
          </MapList>
        )}
      </section>

      <ClassFormatsSection
        classroomId={classroom.id}
        teaches={teaches}
        presets={PRESETS}
        formats={formats}
        copyAction={copyFormatAction}
        deleteAction={deleteFormatAction}
      />

      <CitationStyleSection
        classroomId={classroom.id}
        teaches={teaches}
        citationStyle={classroom.citationStyle}
        action={setCitationStyleAction}
      />

      <section aria-labelledby="rounds-title" className={page.section}>
        <h2 id="rounds-title" className={page.sectionTitle}>
          Practice rounds
        </h2>
        {rounds.length === 0 ? (
          <p className={page.emptyState}>
            {teaches
              ? 'No rounds yet. Open a map’s Rounds page to set one up.'
              : 'No practice rounds yet.'}
          </p>
        ) : (
          <RoundList rounds={rounds} showMap />
        )}
      </section>

      <section aria-labelledby="roster-title" className={page.section}>
        <h2 id="roster-title" className={page.sectionTitle}>
          Students ({classroom.students.length})
        </h2>
        {classroom.students.length === 0 ? (
          <p className={page.emptyState}>
            {teaches
              ? 'No students yet. Give them the join code or link above.'
              : 'You are the first one here.'}
          </p>
        ) : (
          <table className={page.table} aria-label="Roster">
            <thead>
              <tr>
                <th scope="col">Name</th>
                {teaches && <th scope="col">Email or username</th>}
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
                  {teaches && <td>{s.email ?? s.username}</td>}
                  <td>
                    <LocalTime value={s.joinedAt} style="date" />
                  </td>
                  {teaches && (
                    <td className={styles.rowActions}>
                      {s.managed && (
                        <ResetPasswordButton
                          classroomId={classroom.id}
                          userId={s.id}
                          name={s.name}
                          action={resetStudentPasswordAction}
                          signInUrl={`${origin}/sign-in`}
                        />
                      )}
                      <StudentDataActions
                        classroomId={classroom.id}
                        student={s}
                        deleteAction={deleteStudentDataAction}
                      />
                      <ConfirmRemove
                        name={s.name}
                        question={`Remove ${s.name} from the class?`}
                        explanation="They lose access to the class’s maps and their places on its teams. What they wrote stays on the maps. They can join again with the class code."
                        formLabel={`Remove ${s.name} from the class`}
                        fields={{ classroomId: classroom.id, userId: s.id }}
                        action={removeStudentAction}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <FormerStudents
        classroomId={classroom.id}
        students={former}
        deleteAction={deleteStudentDataAction}
      />
      {teaches && (
        <section aria-labelledby="delete-class-title" className={page.section}>
          <h2 id="delete-class-title" className={page.sectionTitle}>
            Delete this class
          </h2>
          <p className={page.lead}>
            Deletes the class
            {classroom.maps.length === 0
              ? ''
              : classroom.maps.length === 1
                ? ', its map and all the work on it'
                : `, its ${classroom.maps.length} maps and all the work on them`}
            , and the sign-ins you made for students without email. Students with their own accounts
            keep them. Download what you need first.
          </p>
          <ConfirmRemove
            name={classroom.name}
            verb="Delete"
            pendingLabel="Deleting…"
            question={`Delete “${classroom.name}” for good?`}
            explanation="Its maps, the students’ work on them, its formats and the sign-ins you made for it are deleted. This cannot be undone."
            formLabel={`Delete ${classroom.name}`}
            fields={{ classroomId: classroom.id }}
            action={deleteClassroomAction}
          />
        </section>
      )}
    </main>
  );
}
