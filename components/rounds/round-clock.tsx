'use client';

import { useEffect, useRef, useState } from 'react';
import { formatClock, readClock, spokenClock } from '@/lib/domain/rounds/clock';
import type { ClockState, TRoundOpInput } from '@/lib/domain/rounds/types';
import type { RoundView } from '@/lib/domain/rounds/views';
import { benchOf } from './round-words';
import styles from './round-clock.module.css';

type Props = {
  round: RoundView;
  clock: ClockState;
  serverNow: () => number;
  send: (ops: TRoundOpInput[]) => Promise<string | null>;
  onError: (message: string) => void;
};

/** Re-renders a few times a second while a clock runs. */
function useTick(running: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setTick((t) => t + 1), 200);
    return () => clearInterval(timer);
  }, [running]);
}

/**
 * The speech clock and each side's prep clock, as every screen in the round
 * shows them: counted from the server's time, so two screens agree to a
 * fraction of a second. The chair or the teacher starts, pauses, resets and
 * moves between speeches; the signal (protected time, POIs open, a minute
 * left, grace, time) follows the format. Full screen makes it a projector's
 * clock.
 */
export function RoundClock({ round, clock, serverNow, send, onError }: Props) {
  const { format } = round;
  const running = clock.since !== null || clock.prepRunning !== null;
  useTick(running);
  const reading = readClock(clock, format, serverNow());
  const speech = format.speeches[reading.speech]!;
  const bench = benchOf(round, speech.position);
  const panel = useRef<HTMLElement>(null);
  const [fullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement === panel.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const command = (op: Omit<Extract<TRoundOpInput, { type: 'clock' }>, 'type'>) =>
    void send([{ type: 'clock', ...op }]).then((refused) => refused && onError(refused));
  const canRun = round.me.chair;
  const last = format.speeches.length - 1;

  return (
    <section
      ref={panel}
      className={`${styles.clock} ${styles[reading.phase]}`}
      aria-labelledby="clock-title"
      data-phase={reading.phase}
    >
      <h2 id="clock-title" className={styles.title}>
        Speech {reading.speech + 1} of {format.speeches.length}: {speech.name}
      </h2>
      <p className={styles.who}>
        {bench.name}
        {bench.team ? ` (${bench.team})` : ''}
        {speech.speaker > 0 ? `, speaker ${speech.speaker}` : ''} ·{' '}
        {formatClock(speech.seconds * 1000)}
      </p>
      {/* Counted from the server's time: the server's render and the browser's may be a second apart. */}
      <p
        className={styles.time}
        role="timer"
        aria-label={`Speech clock: ${spokenClock(reading.remainingMs)}`}
        suppressHydrationWarning
      >
        {formatClock(reading.remainingMs)}
      </p>
      {/* Said once when it changes, not every second. */}
      <p className={styles.signal} aria-live="polite">
        {reading.signal}
      </p>
      {canRun && (
        <div className={styles.controls} role="group" aria-label="Speech clock">
          <button
            type="button"
            className="button button--quiet"
            disabled={reading.speech === 0}
            onClick={() => command({ action: 'goto', speech: reading.speech - 1 })}
          >
            Previous speech
          </button>
          {reading.running ? (
            <button type="button" className="button" onClick={() => command({ action: 'pause' })}>
              Pause
            </button>
          ) : (
            <button type="button" className="button" onClick={() => command({ action: 'start' })}>
              {reading.elapsedMs > 0 ? 'Resume' : 'Start'}
            </button>
          )}
          <button
            type="button"
            className="button button--quiet"
            onClick={() => command({ action: 'reset' })}
          >
            Reset
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={reading.speech === last}
            onClick={() => command({ action: 'goto', speech: reading.speech + 1 })}
          >
            Next speech
          </button>
        </div>
      )}
      {reading.prep && (
        <div className={styles.prep} role="group" aria-label="Prep time">
          {(['FOR', 'AGAINST'] as const).map((side) => {
            const prep = reading.prep![side];
            const name = format.positions.find((p) => p.side === side)?.name ?? side;
            return (
              <div key={side} className={styles.prepSide}>
                <span>
                  {name} prep{' '}
                  <strong
                    role="timer"
                    aria-label={`${name} prep: ${spokenClock(prep.remainingMs)}`}
                  >
                    {formatClock(prep.remainingMs)}
                  </strong>
                  {prep.running ? ' (running)' : ''}
                </span>
                {canRun && (
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    onClick={() =>
                      command(prep.running ? { action: 'prepStop' } : { action: 'prepStart', side })
                    }
                  >
                    {prep.running ? `Stop ${name} prep` : `Start ${name} prep`}
                  </button>
                )}
              </div>
            );
          })}
        </div>
      )}
      <button
        type="button"
        className={`button button--quiet button--small ${styles.fullScreen}`}
        onClick={() =>
          void (fullScreen ? document.exitFullscreen() : panel.current?.requestFullscreen())?.catch(
            () => onError('This browser would not show the clock full screen.'),
          )
        }
      >
        {fullScreen ? 'Leave full screen' : 'Full screen'}
      </button>
    </section>
  );
}
