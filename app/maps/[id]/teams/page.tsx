import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { BackIcon } from '@/components/ui/icons';
import { TeamsForm } from '@/components/ui/teams-form';
import { UnassignedPeople } from '@/components/ui/unassigned-people';
import { SIDE_LABELS, SIDES } from '@/lib/domain/types';
import { currentActor } from '@/lib/server/actor';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { getTeamSetup } from '@/lib/server/teams/get-team-setup';
import {
  createTeamAction,
  placeOnSmallestTeamsAction,
  saveTeamsAction,
  splitTeamsAction,
} from './actions';
import page from '@/components/ui/page.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Teams' };

type Props = { params: Promise<{ id: string }> };

export default async function TeamsPage({ params }: Props) {
  const { id } = await params;
  await signedInOrRedirect(`/maps/${id}/teams`);
  const { map, teams, people } = await loadOr404(async () =>
    getTeamSetup(await currentActor(), id),
  );
  const unassigned = people.filter((p) => p.teamId === null);
  // Where the next person placed goes: the team with the fewest members, the oldest on a tie.
  const smallest = teams.reduce<(typeof teams)[number] | undefined>(
    (a, b) => (a && a.memberIds.length <= b.memberIds.length ? a : b),
    undefined,
  );
  return (
    <main className={page.page}>
      <Link href={`/maps/${map.id}`} className={page.back}>
        <BackIcon /> Back to the map
      </Link>
      <h1 className={page.title}>Teams for “{map.title}”</h1>
      <p className={page.lead}>
        Each team has its own private notes, ratings and tags over the shared map; other teams never
        see them. Moving someone to another team keeps everything they wrote on the map; the notes
        they wrote in a team’s layer stay with that team.
        {map.classroomName
          ? ` Everyone in ${map.classroomName} can be put on a team.`
          : ' Add people to the map with a share link, then put them on a team.'}
      </p>

      <section aria-labelledby="add-team-title" className={page.panel}>
        <h2 id="add-team-title" className={page.sectionTitle}>
          Add a team
        </h2>
        <ActionForm
          action={createTeamAction}
          submitLabel="Add team"
          className={page.inlineForm}
          submitClassName="button"
          label="Add a team"
        >
          <input type="hidden" name="mapId" value={map.id} />
          <label className="field">
            <span>Team name</span>
            <input name="name" required maxLength={60} placeholder="Team Turchenko" />
          </label>
          <label className="field">
            <span>Side</span>
            <select name="side" defaultValue="FOR">
              {SIDES.map((s) => (
                <option key={s} value={s}>
                  {SIDE_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </ActionForm>
      </section>

      <section aria-labelledby="assign-title" className={page.section}>
        <div className={page.sectionHead}>
          <h2 id="assign-title" className={page.sectionTitle}>
            Who is on which team
          </h2>
          {teams.length >= 2 && people.length > 0 && (
            <ActionForm
              action={splitTeamsAction}
              submitLabel="Split at random"
              pendingLabel="Splitting…"
              className={page.rowForm}
              submitClassName="button button--quiet"
              label="Split at random"
            >
              <input type="hidden" name="mapId" value={map.id} />
            </ActionForm>
          )}
        </div>
        {people.length === 0 ? (
          <p className={page.emptyState}>
            {map.classroomName
              ? 'No students have joined the class yet.'
              : 'Nobody else is on this map yet.'}
          </p>
        ) : teams.length === 0 ? (
          <p className={page.emptyState}>Add a team first.</p>
        ) : (
          <>
            <UnassignedPeople
              mapId={map.id}
              people={unassigned.map((p) => ({ id: p.id, name: p.name }))}
              smallestTeam={smallest!.name}
              action={placeOnSmallestTeamsAction}
            />
            <TeamsForm mapId={map.id} teams={teams} people={people} action={saveTeamsAction} />
          </>
        )}
      </section>
    </main>
  );
}
