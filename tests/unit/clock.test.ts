import { describe, expect, it } from 'vitest';
import { ZFormat } from '@/lib/domain/formats/schema';
import {
  applyClock,
  ClockError,
  formatClock,
  readClock,
  spokenClock,
  type ClockCommand,
} from '@/lib/domain/rounds/clock';
import { INITIAL_CLOCK, type ClockState } from '@/lib/domain/rounds/types';

const positions = [
  { key: 'for', name: 'Proposition', side: 'FOR' },
  { key: 'against', name: 'Opposition', side: 'AGAINST' },
] as const;
const ballot = { decision: 'winner', speakerPoints: null } as const;

// 8-minute speeches with POIs protected for the first and last minute, a
// warning at 1:30 left (so it starts before the protected end), 15 s grace,
// then a 4-minute reply without POIs.
const ws = ZFormat.parse({
  key: 'ws-clock',
  name: 'World Schools test',
  positions: [...positions],
  speakersPerTeam: 3,
  speeches: [
    {
      key: 'p1',
      name: 'First Proposition',
      kind: 'constructive',
      position: 'for',
      speaker: 1,
      seconds: 480,
      pois: { allowed: true, protectedStart: 60, protectedEnd: 60 },
    },
    { key: 'o1', name: 'Opp', kind: 'constructive', position: 'against', speaker: 1, seconds: 480 },
    { key: 'pr', name: 'Reply', kind: 'reply', position: 'for', speaker: 0, seconds: 240 },
  ],
  prep: { kind: 'none' },
  graceSeconds: 15,
  warningSeconds: 90,
  ballot,
});

const policy = ZFormat.parse({
  key: 'policy-clock',
  name: 'Policy test',
  positions: [
    { key: 'aff', name: 'Affirmative', side: 'FOR' },
    { key: 'neg', name: 'Negative', side: 'AGAINST' },
  ],
  speakersPerTeam: 2,
  speeches: [
    { key: '1ac', name: '1AC', kind: 'constructive', position: 'aff', speaker: 1, seconds: 480 },
    { key: '1nc', name: '1NC', kind: 'constructive', position: 'neg', speaker: 1, seconds: 480 },
  ],
  prep: { kind: 'per-side', seconds: 300 },
  warningSeconds: 60,
  ballot,
});

const run = (state: ClockState, ...steps: [ClockCommand, number][]) =>
  steps.reduce((s, [command, now]) => applyClock(s, command, now, policy), state);

describe('speech clock commands', () => {
  it('starts, pauses and starts again, counting only the running time', () => {
    const started = applyClock(INITIAL_CLOCK, { action: 'start' }, 1_000, ws);
    expect(started).toMatchObject({ since: 1_000, elapsedMs: 0 });
    const paused = applyClock(started, { action: 'pause' }, 31_000, ws);
    expect(paused).toMatchObject({ since: null, elapsedMs: 30_000 });
    expect(readClock(paused, ws, 500_000)).toMatchObject({ elapsedMs: 30_000, running: false });
    const again = applyClock(paused, { action: 'start' }, 50_000, ws);
    expect(readClock(again, ws, 80_000)).toMatchObject({
      elapsedMs: 60_000,
      remainingMs: 420_000,
      running: true,
    });
  });

  it('ignores a second start or pause, so two chairs pressing at once agree', () => {
    const started = applyClock(INITIAL_CLOCK, { action: 'start' }, 1_000, ws);
    expect(applyClock(started, { action: 'start' }, 9_000, ws)).toBe(started);
    expect(applyClock(INITIAL_CLOCK, { action: 'pause' }, 9_000, ws)).toBe(INITIAL_CLOCK);
  });

  it('resets the current speech to zero, stopped, and moves to another speech the same way', () => {
    const running = { ...INITIAL_CLOCK, speech: 1, elapsedMs: 5_000, since: 10_000 };
    expect(applyClock(running, { action: 'reset' }, 20_000, ws)).toEqual({
      ...INITIAL_CLOCK,
      speech: 1,
    });
    expect(applyClock(running, { action: 'goto', speech: 2 }, 20_000, ws)).toEqual({
      ...INITIAL_CLOCK,
      speech: 2,
    });
  });

  it('refuses to go to a speech the format does not have', () => {
    for (const speech of [3, -1, undefined]) {
      expect(() => applyClock(INITIAL_CLOCK, { action: 'goto', speech }, 0, ws)).toThrow(
        ClockError,
      );
    }
    expect(() => applyClock(INITIAL_CLOCK, { action: 'goto', speech: 3 }, 0, ws)).toThrow(
      'World Schools test has 3 speeches; there is no speech 4.',
    );
  });

  it('never counts backwards when the clock that starts it is a little ahead', () => {
    const started = applyClock(INITIAL_CLOCK, { action: 'start' }, 10_000, ws);
    expect(readClock(started, ws, 9_000).elapsedMs).toBe(0);
    expect(applyClock(started, { action: 'pause' }, 9_000, ws).elapsedMs).toBe(0);
  });
});

describe('prep clocks', () => {
  it('are refused in a format without prep for each side', () => {
    expect(() => applyClock(INITIAL_CLOCK, { action: 'prepStart', side: 'FOR' }, 0, ws)).toThrow(
      /World Schools test has no prep time for each side/,
    );
    expect(() => applyClock(INITIAL_CLOCK, { action: 'prepStop' }, 0, ws)).toThrow(ClockError);
    expect(readClock(INITIAL_CLOCK, ws, 0).prep).toBeNull();
  });

  it('run one side at a time, stop the speech clock, and are stopped by it', () => {
    const speaking = run(INITIAL_CLOCK, [{ action: 'start' }, 0]);
    const forPrep = run(speaking, [{ action: 'prepStart', side: 'FOR' }, 5_000]);
    expect(forPrep).toMatchObject({
      elapsedMs: 5_000,
      since: null,
      prepRunning: { side: 'FOR', since: 5_000 },
    });
    const againstPrep = run(forPrep, [{ action: 'prepStart', side: 'AGAINST' }, 15_000]);
    expect(againstPrep).toMatchObject({
      prepUsedMs: { FOR: 10_000, AGAINST: 0 },
      prepRunning: { side: 'AGAINST', since: 15_000 },
    });
    expect(readClock(againstPrep, policy, 45_000).prep).toEqual({
      FOR: { remainingMs: 290_000, running: false },
      AGAINST: { remainingMs: 270_000, running: true },
    });
    const speakingAgain = run(againstPrep, [{ action: 'start' }, 20_000]);
    expect(speakingAgain).toMatchObject({
      prepUsedMs: { FOR: 10_000, AGAINST: 5_000 },
      prepRunning: null,
      since: 20_000,
      elapsedMs: 5_000,
    });
  });

  it('stop on prepStop, keep running across a change of speech, and ignore repeats', () => {
    const prepping = run(INITIAL_CLOCK, [{ action: 'prepStart', side: 'FOR' }, 0]);
    expect(run(prepping, [{ action: 'prepStart', side: 'FOR' }, 3_000])).toBe(prepping);
    const moved = run(prepping, [{ action: 'goto', speech: 1 }, 1_000]);
    expect(moved.prepRunning).toEqual({ side: 'FOR', since: 0 });
    const stopped = run(moved, [{ action: 'prepStop' }, 7_000]);
    expect(stopped).toMatchObject({ prepRunning: null, prepUsedMs: { FOR: 7_000, AGAINST: 0 } });
    expect(run(stopped, [{ action: 'prepStop' }, 9_000])).toBe(stopped);
  });

  it('refuse a side with no prep left, or no side at all', () => {
    const spent = { ...INITIAL_CLOCK, prepUsedMs: { FOR: 300_000, AGAINST: 0 } };
    expect(() => run(spent, [{ action: 'prepStart', side: 'FOR' }, 0])).toThrow(
      'Affirmative has no prep time left.',
    );
    expect(run(spent, [{ action: 'prepStart', side: 'AGAINST' }, 0]).prepRunning?.side).toBe(
      'AGAINST',
    );
    expect(() => run(INITIAL_CLOCK, [{ action: 'prepStart' }, 0])).toThrow(ClockError);
  });

  it('show a side that kept prepping past its time as below zero', () => {
    const prepping = run(INITIAL_CLOCK, [{ action: 'prepStart', side: 'AGAINST' }, 0]);
    expect(readClock(prepping, policy, 310_000).prep?.AGAINST.remainingMs).toBe(-10_000);
    expect(() =>
      run(
        prepping,
        [{ action: 'prepStop' }, 310_000],
        [{ action: 'prepStart', side: 'AGAINST' }, 320_000],
      ),
    ).toThrow(ClockError);
  });
});

/** The reading of the first speech of `format` after `seconds` of speaking. */
const at = (seconds: number, format = ws, speech = 0) =>
  readClock({ ...INITIAL_CLOCK, speech, since: 0 }, format, seconds * 1000);

describe('phases of a speech', () => {
  it('is ready before it starts, and only then', () => {
    expect(readClock(INITIAL_CLOCK, ws, 99_000)).toMatchObject({
      phase: 'ready',
      signal: 'Ready',
      running: false,
      elapsedMs: 0,
      remainingMs: 480_000,
    });
    expect(at(0).phase).toBe('protected');
  });

  it('protects the first minute, then opens POIs', () => {
    expect(at(59.999)).toMatchObject({
      phase: 'protected',
      signal: 'Protected time',
      poisOpen: false,
    });
    expect(at(60)).toMatchObject({ phase: 'open', signal: 'POIs open', poisOpen: true });
  });

  it('warns at the warning time, with POIs still open until the protected end', () => {
    expect(at(389.999).phase).toBe('open');
    expect(at(390)).toMatchObject({
      phase: 'warning',
      signal: '1 minute 30 seconds left',
      poisOpen: true,
    });
    expect(at(419.999).phase).toBe('warning');
  });

  it('lets protected time win over the warning where they overlap, and says both', () => {
    expect(at(420)).toMatchObject({
      phase: 'protected',
      signal: 'Protected time, 1 minute 30 seconds left',
      poisOpen: false,
      remainingMs: 60_000,
    });
  });

  it('gives grace once time is up, then calls time', () => {
    expect(at(479.999).phase).toBe('protected');
    expect(at(480)).toMatchObject({
      phase: 'grace',
      signal: 'Grace: finish your sentence',
      remainingMs: 0,
    });
    expect(at(494.999)).toMatchObject({ phase: 'grace', remainingMs: -14_999 });
    expect(at(495)).toMatchObject({ phase: 'over', signal: 'Time', remainingMs: -15_000 });
  });

  it('runs a speech without POIs plainly, and calls time at once without grace', () => {
    expect(at(10, ws, 2)).toMatchObject({ phase: 'running', signal: 'Speaking', poisOpen: false });
    expect(at(10, policy)).toMatchObject({ phase: 'running', poisOpen: false });
    expect(at(419.999, policy).phase).toBe('running');
    expect(at(420, policy)).toMatchObject({ phase: 'warning', signal: '1 minute left' });
    expect(at(479.999, policy).phase).toBe('warning');
    expect(at(480, policy)).toMatchObject({ phase: 'over', signal: 'Time' });
  });

  it('keeps the phase of its time while paused', () => {
    const paused = { ...INITIAL_CLOCK, elapsedMs: 200_000 };
    expect(readClock(paused, ws, 0)).toMatchObject({ phase: 'open', running: false });
  });
});

describe('showing the time', () => {
  it('counts down in minutes and seconds, and up past zero with a minus', () => {
    expect(formatClock(480_000)).toBe('8:00');
    expect(formatClock(479_000)).toBe('7:59');
    expect(formatClock(479_001)).toBe('8:00');
    expect(formatClock(59_000)).toBe('0:59');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-999)).toBe('0:00');
    expect(formatClock(-1_000)).toBe('-0:01');
    expect(formatClock(-5_000)).toBe('-0:05');
    expect(formatClock(-65_000)).toBe('-1:05');
    expect(formatClock(3_600_000)).toBe('60:00');
  });

  it('says the time in words', () => {
    expect(spokenClock(479_000)).toBe('7 minutes 59 seconds left');
    expect(spokenClock(60_000)).toBe('1 minute left');
    expect(spokenClock(61_000)).toBe('1 minute 1 second left');
    expect(spokenClock(0)).toBe('0 seconds left');
    expect(spokenClock(-5_000)).toBe('5 seconds over');
    expect(spokenClock(-120_000)).toBe('2 minutes over');
  });
});
