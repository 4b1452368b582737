import type { Format } from '../formats/schema';
import type { ClockState, TRoundOp } from './types';

/**
 * The round's clocks as pure functions: `applyClock` turns a command into
 * the next stored state (the server calls it with its own time), and
 * `readClock` says what a screen shows at `now` (the server's time, as the
 * page estimates it). Times are epoch milliseconds.
 */

type Side = 'FOR' | 'AGAINST';
type ClockOp = Extract<TRoundOp, { type: 'clock' }>;
/** A clock command: a round's clock op, or just its action and arguments. */
export type ClockCommand = Pick<ClockOp, 'action' | 'speech' | 'side'>;

/** A command the clock cannot carry out; the message is for the person who gave it. */
export class ClockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClockError';
  }
}

/** Time since a running clock started (never negative if two clocks disagree a little). */
const since = (start: number, now: number) => Math.max(0, now - start);

function stopSpeech(state: ClockState, now: number): ClockState {
  if (state.since === null) return state;
  return { ...state, elapsedMs: state.elapsedMs + since(state.since, now), since: null };
}

function stopPrep(state: ClockState, now: number): ClockState {
  const running = state.prepRunning;
  if (running === null) return state;
  const used = state.prepUsedMs[running.side] + since(running.since, now);
  return { ...state, prepUsedMs: { ...state.prepUsedMs, [running.side]: used }, prepRunning: null };
}

function prepLeftMs(state: ClockState, side: Side, allowedSeconds: number, now: number): number {
  const running = state.prepRunning?.side === side ? since(state.prepRunning.since, now) : 0;
  return allowedSeconds * 1000 - state.prepUsedMs[side] - running;
}

function sideName(format: Format, side: Side): string {
  const names = format.positions.filter((p) => p.side === side).map((p) => p.name);
  return names.length > 0
    ? names.join(' and ')
    : side === 'FOR'
      ? 'The side for'
      : 'The side against';
}

/**
 * The clocks after `command` at `now`. start: the speech clock runs (any prep
 * clock stops); pause: it stops; reset: the speech goes back to 0, stopped;
 * goto: another speech, at 0 and stopped (a prep clock keeps running: teams
 * prepare between speeches); prepStart: that side's prep clock runs (the
 * speech clock and the other side's prep stop); prepStop: it stops. Starting
 * a running clock or stopping a stopped one changes nothing, so two chairs
 * pressing the same button at once agree. Throws ClockError when the format
 * or the state makes the command impossible.
 */
export function applyClock(
  state: ClockState,
  command: ClockCommand,
  now: number,
  format: Format,
): ClockState {
  switch (command.action) {
    case 'start':
      return state.since !== null ? state : { ...stopPrep(state, now), since: now };
    case 'pause':
      return stopSpeech(state, now);
    case 'reset':
      return { ...state, elapsedMs: 0, since: null };
    case 'goto': {
      const target = command.speech;
      if (target === undefined) throw new ClockError('Say which speech to move to.');
      const count = format.speeches.length;
      if (!Number.isInteger(target) || target < 0 || target >= count)
        throw new ClockError(
          `${format.name} has ${count} speeches; there is no speech ${target + 1}.`,
        );
      return { ...state, speech: target, elapsedMs: 0, since: null };
    }
    case 'prepStart': {
      if (format.prep.kind !== 'per-side')
        throw new ClockError(`${format.name} has no prep time for each side during the round.`);
      const side = command.side;
      if (side === undefined) throw new ClockError('Say whose prep time to start.');
      if (state.prepRunning?.side === side) return state;
      if (prepLeftMs(state, side, format.prep.seconds, now) <= 0)
        throw new ClockError(`${sideName(format, side)} has no prep time left.`);
      return { ...stopPrep(stopSpeech(state, now), now), prepRunning: { side, since: now } };
    }
    case 'prepStop':
      if (format.prep.kind !== 'per-side')
        throw new ClockError(`${format.name} has no prep time for each side during the round.`);
      return stopPrep(state, now);
  }
}

/**
 * ready: not started (stopped at 0). protected: POIs belong to this speech
 * but may not be offered now (its first or last seconds). open: POIs may be
 * offered. running: a speech without POIs. warning: within the format's
 * warning time of the end. grace: over time, within the grace period. over:
 * beyond it. Where two apply, the first of ready, over, grace, protected,
 * warning wins: whether POIs may be offered is a rule the room must see,
 * while the time left is on the clock anyway (the signal then says both).
 */
type ClockPhase = 'ready' | 'protected' | 'open' | 'running' | 'warning' | 'grace' | 'over';

type PrepReading = { remainingMs: number; running: boolean };

export type ClockReading = {
  /** The speech now up (clamped into the format). */
  speech: number;
  elapsedMs: number;
  /** Negative once over time. */
  remainingMs: number;
  phase: ClockPhase;
  /** Short words for the room: "POIs open", "1 minute left", "Time". */
  signal: string;
  running: boolean;
  /** Whether a point of information may be offered now (by the clock; the speaker may still refuse). */
  poisOpen: boolean;
  /** Each side's prep (remainingMs negative if a side ran over), or null when the format has no per-side prep. */
  prep: Record<Side, PrepReading> | null;
};

export function readClock(state: ClockState, format: Format, now: number): ClockReading {
  const index = Math.min(Math.max(0, state.speech), format.speeches.length - 1);
  const speech = format.speeches[index]!;
  const running = state.since !== null;
  const elapsedMs = state.elapsedMs + (state.since !== null ? since(state.since, now) : 0);
  const remainingMs = speech.seconds * 1000 - elapsedMs;
  const warningMs = format.warningSeconds * 1000;
  const warning = warningMs > 0 && remainingMs <= warningMs;
  const warningWords = `${durationWords(format.warningSeconds)} left`;
  const { pois } = speech;
  const isProtected =
    pois.allowed &&
    (elapsedMs < pois.protectedStart * 1000 || remainingMs <= pois.protectedEnd * 1000);

  let phase: ClockPhase;
  let signal: string;
  if (!running && elapsedMs === 0) [phase, signal] = ['ready', 'Ready'];
  else if (remainingMs <= -format.graceSeconds * 1000) [phase, signal] = ['over', 'Time'];
  else if (remainingMs <= 0) [phase, signal] = ['grace', 'Grace: finish your sentence'];
  else if (isProtected)
    [phase, signal] = ['protected', warning ? `Protected time, ${warningWords}` : 'Protected time'];
  else if (warning) [phase, signal] = ['warning', warningWords];
  else if (pois.allowed) [phase, signal] = ['open', 'POIs open'];
  else [phase, signal] = ['running', 'Speaking'];

  const prep =
    format.prep.kind === 'per-side'
      ? {
          FOR: readPrep(state, 'FOR', format.prep.seconds, now),
          AGAINST: readPrep(state, 'AGAINST', format.prep.seconds, now),
        }
      : null;
  return {
    speech: index,
    elapsedMs,
    remainingMs,
    phase,
    signal,
    running,
    poisOpen: pois.allowed && (phase === 'open' || phase === 'warning'),
    prep,
  };
}

function readPrep(state: ClockState, side: Side, seconds: number, now: number): PrepReading {
  return {
    remainingMs: prepLeftMs(state, side, seconds, now),
    running: state.prepRunning?.side === side,
  };
}

/** Whole seconds shown for `ms`, counted down as a clock does: 0:01 until the last millisecond. */
function shownSeconds(ms: number): number {
  const s = Math.ceil(ms / 1000);
  return s === 0 ? 0 : s; // no -0
}

/** "7:59" left, "0:00" at time, "-0:05" over time. */
export function formatClock(ms: number): string {
  const s = shownSeconds(ms);
  const abs = Math.abs(s);
  return `${s < 0 ? '-' : ''}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

function durationWords(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [
    minutes > 0 ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '',
    rest > 0 || minutes === 0 ? `${rest} ${rest === 1 ? 'second' : 'seconds'}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** The clock in words for a screen reader: "7 minutes 59 seconds left", "5 seconds over". */
export function spokenClock(ms: number): string {
  const s = shownSeconds(ms);
  return s < 0 ? `${durationWords(-s)} over` : `${durationWords(s)} left`;
}
