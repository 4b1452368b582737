import { CopyButton } from './copy-button';
import styles from './share-link-form.module.css';

/** A view link's projector link: the map full screen, read-only, following the presenter. */
export function ProjectorLink({ link }: { link: string }) {
  return (
    <>
      <p>
        <strong>Projector link.</strong> Open it on the classroom screen: the map full screen,
        read-only, following whoever presents it.
      </p>
      <input
        className={styles.url}
        readOnly
        value={link}
        aria-label="Projector link"
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton text={link} label="Copy projector link" />
    </>
  );
}
