import type { Metadata } from 'next';
import { ActionForm } from '@/components/ui/action-form';
import { AVATAR_COLOURS, displayName } from '@/lib/domain/people';
import { YourDataSection } from '@/components/privacy/your-data-section';
import { currentActor } from '@/lib/server/actor';
import { signedInOrRedirect } from '@/lib/server/page-loader';
import { accountDeletionPlan } from '@/lib/server/privacy/delete-account';
import { deleteAccountAction, updateProfileAction } from './actions';
import card from '@/components/ui/card-page.module.css';
import styles from './page.module.css';

export const metadata: Metadata = { title: 'Your profile' };
export const dynamic = 'force-dynamic';

export default async function ProfilePage() {
  const user = await signedInOrRedirect('/profile');
  const initial = displayName(user).charAt(0).toUpperCase();
  const plan = await accountDeletionPlan(await currentActor());
  return (
    <main className={card.form}>
      <h1>Your profile</h1>
      <p className={card.lead}>
        Your name and colour show on the maps you work on, to your class and your team.
      </p>
      <ActionForm action={updateProfileAction} submitLabel="Save profile" pendingLabel="Saving…">
        <label className="field">
          <span>Display name</span>
          <input
            name="name"
            required
            maxLength={80}
            defaultValue={user.name ?? ''}
            autoComplete="name"
          />
        </label>
        <fieldset className={styles.swatches}>
          <legend>Avatar colour</legend>
          {AVATAR_COLOURS.map((colour, index) => (
            <label key={colour} className={styles.swatch} style={{ background: colour }}>
              <input
                type="radio"
                name="avatarColor"
                value={colour}
                defaultChecked={
                  colour === user.avatarColor ||
                  (!AVATAR_COLOURS.includes(user.avatarColor as never) && index === 0)
                }
                aria-label={`Colour ${index + 1}`}
              />
              <span aria-hidden="true">{initial}</span>
            </label>
          ))}
        </fieldset>
        <p className="field__hint">Signed in as {user.email}</p>
      </ActionForm>
      <YourDataSection {...plan} deleteAction={deleteAccountAction} />
    </main>
  );
}
