import { MapSkeleton } from '@/components/map/map-skeleton';
import styles from './loading.module.css';

/** While the server reads the map: the workspace's shape, with the canvas's skeleton. */
export default function Loading() {
  return (
    <div className={styles.loading}>
      <div className={styles.bar} aria-hidden="true" />
      <div className={styles.canvas}>
        <MapSkeleton />
      </div>
    </div>
  );
}
