import 'server-only';
import { accessChanged, authorizeClassroom, type Actor } from '../authz';
import { db } from '../db';
import { removeAccount } from '../privacy/delete-account';

/**
 * The teacher deletes a class and everything that is only the class's: its
 * maps (and so all the work on them), its formats, its memberships, and the
 * sign-ins the teacher made for it (managed accounts, which exist only for
 * this class). Students with their own accounts keep them and their work
 * elsewhere. One transaction; open pages of its maps close at once.
 */
export async function deleteClassroom(actor: Actor, classroomId: string): Promise<void> {
  await authorizeClassroom(actor, 'classroom:manage', classroomId);
  const maps = await db().argumentMap.findMany({ where: { classroomId }, select: { id: true } });
  await db().$transaction(
    async (tx) => {
      await tx.argumentMap.deleteMany({ where: { classroomId } });
      const managed = await tx.user.findMany({
        where: { managedInClassroomId: classroomId },
        select: { id: true },
      });
      for (const { id } of managed) await removeAccount(tx, id);
      await tx.classroom.delete({ where: { id: classroomId } });
    },
    { timeout: 60_000 },
  );
  for (const map of maps) await accessChanged({ mapId: map.id });
}
