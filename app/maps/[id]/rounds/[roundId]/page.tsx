import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { RoundRoom } from '@/components/rounds/round-room';
import { currentActor } from '@/lib/server/actor';
import { loadOr404, signedInOrRedirect } from '@/lib/server/page-loader';
import { getRoundView } from '@/lib/server/rounds/get-round';
import { deleteRoundAction, editRoundAction } from './actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string; roundId: string }> };

const loadRound = cache((roundId: string) =>
  loadOr404(async () => getRoundView(await currentActor(), roundId)),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, roundId } = await params;
  await signedInOrRedirect(`/maps/${id}/rounds/${roundId}`);
  const round = await loadRound(roundId);
  return { title: `Round ${round.number}: ${round.format.name}` };
}

export default async function RoundPage({ params }: Props) {
  const { id, roundId } = await params;
  await signedInOrRedirect(`/maps/${id}/rounds/${roundId}`);
  const round = await loadRound(roundId);
  // A round's address names its map: another map's id is no address of it.
  if (round.map.id !== id) notFound();
  return (
    <RoundRoom initial={round} deleteAction={deleteRoundAction} editAction={editRoundAction} />
  );
}
