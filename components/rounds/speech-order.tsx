import { formatClock } from '@/lib/domain/rounds/clock';
import type { RoundView } from '@/lib/domain/rounds/views';
import { benchOf } from './round-words';
import styles from './rounds.module.css';

/** Who speaks when: the format's speeches in order, with their bench, team, speaker and time; the one up now marked. */
export function SpeechOrder({ round, current }: { round: RoundView; current: number }) {
  return (
    <ol className={styles.order}>
      {round.format.speeches.map((speech, i) => {
        const bench = benchOf(round, speech.position);
        return (
          <li
            key={speech.key}
            aria-current={i === current ? 'step' : undefined}
            className={i === current ? styles.now : ''}
          >
            <strong>{speech.short ?? speech.name}</strong> {speech.name}: {bench.team ?? bench.name}
            {speech.speaker > 0 ? `, speaker ${speech.speaker}` : ''} (
            {formatClock(speech.seconds * 1000)}){!speech.flowed ? ' · not flowed' : ''}
            {i === current ? <span className={styles.nowWord}> · now</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
