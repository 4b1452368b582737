import styles from './projector-frame.module.css';

/**
 * The projector's full screen: the map's title and motion in large type
 * over the canvas alone (no toolbars, no side panel), so the room reads the
 * map the presenter shows.
 */
export function ProjectorFrame({
  title,
  motion,
  children,
}: {
  title: string;
  motion: string;
  children: React.ReactNode;
}) {
  return (
    <div className={styles.projector} data-projector>
      <header className={styles.head}>
        <h1>{title}</h1>
        {motion && <p>{motion}</p>}
      </header>
      <div className={styles.map}>{children}</div>
    </div>
  );
}
