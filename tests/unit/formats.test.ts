import { describe, expect, it } from 'vitest';
import { australs } from '@/lib/domain/formats/australs';
import { britishParliamentary } from '@/lib/domain/formats/british-parliamentary';
import {
  FormatError,
  PRESETS,
  flowedSpeeches,
  nextOpposingSpeech,
  parseFormat,
  presetByKey,
  sideOfSpeech,
  speechLabel,
  totalSpeakingSeconds,
} from '@/lib/domain/formats';
import { lincolnDouglas } from '@/lib/domain/formats/lincoln-douglas';
import { policy } from '@/lib/domain/formats/policy';
import { publicForum } from '@/lib/domain/formats/public-forum';
import { ZFormat, type Format, type FormatInput, type Speech } from '@/lib/domain/formats/schema';
import { simple } from '@/lib/domain/formats/simple';
import { worldSchools } from '@/lib/domain/formats/world-schools';

const preset = (key: string): Format => {
  const format = presetByKey(key);
  if (!format) throw new Error(`no preset ${key}`);
  return format;
};
const poi = (s: Speech) =>
  s.pois.allowed ? `POI ${s.pois.protectedStart}/${s.pois.protectedEnd}` : 'no POI';
/** Each speech as [label, bench, speaker, seconds, POI rule], in speaking order. */
const order = (f: Format) =>
  f.speeches.map((s) => [s.short, s.position, s.speaker, s.seconds, poi(s)]);
const benches = (f: Format) => f.positions.map((p) => [p.key, p.side]);
/** The questioning periods (no column on the flow) as [key, kind, bench, speaker]. */
const unflowed = (f: Format) =>
  f.speeches.filter((s) => !s.flowed).map((s) => [s.key, s.kind, s.position, s.speaker]);

const W = 'POI 60/60';
const N = 'no POI';

describe('the built-in formats', () => {
  it('are offered simplest first, then World Schools, BP, PF, LD, Policy and Australs', () => {
    expect(PRESETS.map((p) => p.key)).toEqual([
      'simple',
      'world-schools',
      'british-parliamentary',
      'public-forum',
      'lincoln-douglas',
      'policy',
      'australs',
    ]);
    expect(presetByKey('nope')).toBeUndefined();
  });

  it.each([
    simple,
    worldSchools,
    britishParliamentary,
    publicForum,
    lincolnDouglas,
    policy,
    australs,
  ])(
    '$name passes the schema, and its flowed speeches have distinct labels and a one-sentence description',
    (input: FormatInput) => {
      const result = ZFormat.safeParse(input);
      expect(result.success ? [] : result.error.issues).toEqual([]);
      const format = preset(input.key);
      const labels = flowedSpeeches(format).map((i) => speechLabel(format, i));
      expect(new Set(labels).size).toBe(labels.length);
      expect(format.description).toMatch(/^[A-Z][^.]*\.$/);
      // A class's own format is stored as JSON and read back the same.
      expect(parseFormat(JSON.stringify(format))).toEqual(format);
    },
  );

  it('World Schools: P1–O3 of eight minutes with POIs outside the first and last minute, then OR and PR', () => {
    const f = preset('world-schools');
    expect(benches(f)).toEqual([
      ['prop', 'FOR'],
      ['opp', 'AGAINST'],
    ]);
    expect(f.speakersPerTeam).toBe(3);
    expect(order(f)).toEqual([
      ['P1', 'prop', 1, 480, W],
      ['O1', 'opp', 1, 480, W],
      ['P2', 'prop', 2, 480, W],
      ['O2', 'opp', 2, 480, W],
      ['P3', 'prop', 3, 480, W],
      ['O3', 'opp', 3, 480, W],
      ['OR', 'opp', 0, 240, N],
      ['PR', 'prop', 0, 240, N],
    ]);
    expect(f.speeches.slice(6).map((s) => s.kind)).toEqual(['reply', 'reply']);
    expect(unflowed(f)).toEqual([]);
    expect(f.prep).toEqual({ kind: 'before-round', seconds: 3600 });
    expect([f.graceSeconds, f.warningSeconds]).toEqual([15, 0]);
    expect(f.ballot).toEqual({
      decision: 'winner',
      speakerPoints: { min: 60, max: 80, step: 1 },
      replyPoints: { min: 30, max: 40, step: 0.5 },
      lowPointWins: false,
    });
  });

  it('British Parliamentary: four benches of two, seven-minute speeches with POIs, ranked', () => {
    const f = preset('british-parliamentary');
    expect(benches(f)).toEqual([
      ['og', 'FOR'],
      ['oo', 'AGAINST'],
      ['cg', 'FOR'],
      ['co', 'AGAINST'],
    ]);
    expect(f.speakersPerTeam).toBe(2);
    expect(order(f)).toEqual([
      ['PM', 'og', 1, 420, W],
      ['LO', 'oo', 1, 420, W],
      ['DPM', 'og', 2, 420, W],
      ['DLO', 'oo', 2, 420, W],
      ['MG', 'cg', 1, 420, W],
      ['MO', 'co', 1, 420, W],
      ['GW', 'cg', 2, 420, W],
      ['OW', 'co', 2, 420, W],
    ]);
    expect(unflowed(f)).toEqual([]);
    expect(f.prep).toEqual({ kind: 'before-round', seconds: 900 });
    expect(f.graceSeconds).toBe(15);
    expect(f.ballot.decision).toBe('ranks');
    expect(f.ballot.speakerPoints).toEqual({ min: 50, max: 100, step: 1 });
    expect(f.ballot.replyPoints).toBeNull();
  });

  it('Public Forum: constructives, rebuttals, summaries and final focuses, with three unflowed crossfires', () => {
    const f = preset('public-forum');
    expect(benches(f)).toEqual([
      ['pro', 'FOR'],
      ['con', 'AGAINST'],
    ]);
    expect(f.speakersPerTeam).toBe(2);
    expect(order(f)).toEqual([
      ['Pro C', 'pro', 1, 240, N],
      ['Con C', 'con', 1, 240, N],
      ['CF', 'pro', 0, 180, N],
      ['Pro R', 'pro', 2, 240, N],
      ['Con R', 'con', 2, 240, N],
      ['CF', 'pro', 0, 180, N],
      ['Pro S', 'pro', 1, 180, N],
      ['Con S', 'con', 1, 180, N],
      ['GCF', 'pro', 0, 180, N],
      ['Pro FF', 'pro', 2, 120, N],
      ['Con FF', 'con', 2, 120, N],
    ]);
    expect(unflowed(f)).toEqual([
      ['crossfire-1', 'crossfire', 'pro', 0],
      ['crossfire-2', 'crossfire', 'pro', 0],
      ['grand-crossfire', 'crossfire', 'pro', 0],
    ]);
    expect(f.prep).toEqual({ kind: 'per-side', seconds: 180 });
    expect(f.ballot.decision).toBe('winner');
    expect(f.ballot.speakerPoints).toEqual({ min: 25, max: 30, step: 0.5 });
  });

  it('Lincoln–Douglas: AC, CX, NC, CX, 1AR, NR, 2AR, each CX answered by the debater who just spoke', () => {
    const f = preset('lincoln-douglas');
    expect(benches(f)).toEqual([
      ['aff', 'FOR'],
      ['neg', 'AGAINST'],
    ]);
    expect(f.speakersPerTeam).toBe(1);
    expect(order(f)).toEqual([
      ['AC', 'aff', 1, 360, N],
      ['CX', 'aff', 1, 180, N],
      ['NC', 'neg', 1, 420, N],
      ['CX', 'neg', 1, 180, N],
      ['1AR', 'aff', 1, 240, N],
      ['NR', 'neg', 1, 360, N],
      ['2AR', 'aff', 1, 180, N],
    ]);
    expect(unflowed(f)).toEqual([
      ['ac-cx', 'cross-examination', 'aff', 1],
      ['nc-cx', 'cross-examination', 'neg', 1],
    ]);
    expect(f.prep).toEqual({ kind: 'per-side', seconds: 240 });
    expect(f.ballot.decision).toBe('winner');
    expect(f.ballot.speakerPoints).toEqual({ min: 25, max: 30, step: 0.5 });
  });

  it('Policy: four constructives each followed by a CX, then four five-minute rebuttals, Negative first', () => {
    const f = preset('policy');
    expect(benches(f)).toEqual([
      ['aff', 'FOR'],
      ['neg', 'AGAINST'],
    ]);
    expect(f.speakersPerTeam).toBe(2);
    expect(order(f)).toEqual([
      ['1AC', 'aff', 1, 480, N],
      ['CX', 'aff', 1, 180, N],
      ['1NC', 'neg', 1, 480, N],
      ['CX', 'neg', 1, 180, N],
      ['2AC', 'aff', 2, 480, N],
      ['CX', 'aff', 2, 180, N],
      ['2NC', 'neg', 2, 480, N],
      ['CX', 'neg', 2, 180, N],
      ['1NR', 'neg', 1, 300, N],
      ['1AR', 'aff', 1, 300, N],
      ['2NR', 'neg', 2, 300, N],
      ['2AR', 'aff', 2, 300, N],
    ]);
    expect(unflowed(f).map(([key, kind]) => [key, kind])).toEqual([
      ['1ac-cx', 'cross-examination'],
      ['1nc-cx', 'cross-examination'],
      ['2ac-cx', 'cross-examination'],
      ['2nc-cx', 'cross-examination'],
    ]);
    expect(f.prep).toEqual({ kind: 'per-side', seconds: 480 });
    expect(f.ballot.speakerPoints).toEqual({ min: 25, max: 30, step: 0.1 });
  });

  it('Australs: eight-minute speeches without POIs, a two-minute warning, then the Negative reply first', () => {
    const f = preset('australs');
    expect(benches(f)).toEqual([
      ['aff', 'FOR'],
      ['neg', 'AGAINST'],
    ]);
    expect(f.speakersPerTeam).toBe(3);
    expect(order(f)).toEqual([
      ['A1', 'aff', 1, 480, N],
      ['N1', 'neg', 1, 480, N],
      ['A2', 'aff', 2, 480, N],
      ['N2', 'neg', 2, 480, N],
      ['A3', 'aff', 3, 480, N],
      ['N3', 'neg', 3, 480, N],
      ['NR', 'neg', 0, 240, N],
      ['AR', 'aff', 0, 240, N],
    ]);
    expect(f.speeches.slice(6).map((s) => s.kind)).toEqual(['reply', 'reply']);
    expect(f.prep).toEqual({ kind: 'before-round', seconds: 1800 });
    expect(f.warningSeconds).toBe(120);
    expect(f.ballot.speakerPoints).toEqual({ min: 70, max: 80, step: 1 });
    expect(f.ballot.replyPoints).toEqual({ min: 35, max: 40, step: 0.5 });
  });

  it('Simple: openings of three minutes, rebuttals and closings of two, Against closing first', () => {
    const f = preset('simple');
    expect(benches(f)).toEqual([
      ['for', 'FOR'],
      ['against', 'AGAINST'],
    ]);
    expect(f.speakersPerTeam).toBe(2);
    expect(f.speeches.map((s) => [s.name, s.position, s.seconds, poi(s)])).toEqual([
      ['For Opening', 'for', 180, N],
      ['Against Opening', 'against', 180, N],
      ['For Rebuttal', 'for', 120, N],
      ['Against Rebuttal', 'against', 120, N],
      ['Against Closing', 'against', 120, N],
      ['For Closing', 'for', 120, N],
    ]);
    expect(f.prep).toEqual({ kind: 'per-side', seconds: 120 });
    expect([f.graceSeconds, f.warningSeconds]).toEqual([0, 30]);
    expect(f.ballot.speakerPoints).toEqual({ min: 1, max: 10, step: 1 });
  });
});

describe('reading a format', () => {
  it('lists the flowed speeches, leaving out crossfires and cross-examinations', () => {
    expect(flowedSpeeches(preset('world-schools'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(flowedSpeeches(preset('public-forum'))).toEqual([0, 1, 3, 4, 6, 7, 9, 10]);
    expect(flowedSpeeches(preset('policy'))).toEqual([0, 2, 4, 6, 8, 9, 10, 11]);
  });

  it("gives a speech's side from its bench", () => {
    const bp = preset('british-parliamentary');
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => sideOfSpeech(bp, i))).toEqual([
      ...['FOR', 'AGAINST', 'FOR', 'AGAINST'],
      ...['FOR', 'AGAINST', 'FOR', 'AGAINST'],
    ]);
    // Policy's 1NC cross-examination: the Negative answers.
    expect(sideOfSpeech(preset('policy'), 3)).toBe('AGAINST');
    expect(() => sideOfSpeech(bp, 8)).toThrow(RangeError);
  });

  it.each([
    ['policy', '2NC', '1AR'], // the 1NR is the same side: skipped
    ['policy', '1AC', '1NC'], // the CX is not flowed
    ['policy', '1AR', '2NR'],
    ['policy', '2AR', null],
    ['british-parliamentary', 'PM', 'LO'],
    ['british-parliamentary', 'DLO', 'MG'],
    ['british-parliamentary', 'GW', 'OW'],
    ['british-parliamentary', 'OW', null],
    ['world-schools', 'P3', 'O3'],
    ['world-schools', 'O3', 'PR'], // the Opposition reply is the same side: skipped
    ['world-schools', 'OR', 'PR'],
    ['world-schools', 'PR', null],
    ['australs', 'N3', 'AR'],
    ['public-forum', 'Con C', 'Pro R'], // crossfire skipped
    ['public-forum', 'Con S', 'Pro FF'],
    ['lincoln-douglas', 'NC', '1AR'],
    ['simple', 'Ag. rebut', 'For close'], // Against closing skipped
  ])('in %s the answer to %s goes in %s', (key, from, to) => {
    const f = preset(key);
    const index = (label: string) => f.speeches.findIndex((s) => s.short === label);
    const next = nextOpposingSpeech(f, index(from));
    expect(next === null ? null : speechLabel(f, next)).toBe(to);
  });

  it('labels a speech by its short label, or its name when it has none', () => {
    expect(speechLabel(preset('policy'), 8)).toBe('1NR');
    const format = parseFormat({
      ...simple,
      speeches: simple.speeches.map(({ short: _, ...s }) => s),
    });
    expect(speechLabel(format, 4)).toBe('Against Closing');
    expect(() => speechLabel(format, -1)).toThrow(RangeError);
  });

  it('adds up the speaking time, questioning included', () => {
    expect(totalSpeakingSeconds(preset('simple'))).toBe(14 * 60);
    expect(totalSpeakingSeconds(preset('world-schools'))).toBe(56 * 60);
    expect(totalSpeakingSeconds(preset('british-parliamentary'))).toBe(56 * 60);
    expect(totalSpeakingSeconds(preset('public-forum'))).toBe(35 * 60);
    expect(totalSpeakingSeconds(preset('lincoln-douglas'))).toBe(32 * 60);
    expect(totalSpeakingSeconds(preset('policy'))).toBe(64 * 60);
    expect(totalSpeakingSeconds(preset('australs'))).toBe(56 * 60);
  });
});

describe('a broken format', () => {
  const withSpeech = (base: FormatInput, i: number, change: object): FormatInput => ({
    ...base,
    speeches: base.speeches.map((s, j) => (j === i ? { ...s, ...change } : s)),
  });
  const refused = (input: unknown) => {
    try {
      parseFormat(input);
    } catch (error) {
      expect(error).toBeInstanceOf(FormatError);
      return (error as Error).message;
    }
    throw new Error('the format was accepted');
  };

  it('is refused when a speech names a bench the format does not have', () => {
    expect(refused(withSpeech(simple, 2, { position: 'pro' }))).toBe(
      'speeches[2].position: The speech names no bench of this format',
    );
  });

  it('is refused when a speech has more protected time than it lasts', () => {
    const input = withSpeech(worldSchools, 6, {
      pois: { allowed: true, protectedStart: 180, protectedEnd: 61 },
    });
    expect(refused(input)).toBe('speeches[6].pois: Protected time is longer than the speech');
  });

  it('is refused when a winner is to be picked among four benches', () => {
    const input = {
      ...britishParliamentary,
      ballot: { ...britishParliamentary.ballot, decision: 'winner' },
    };
    expect(refused(input)).toBe(
      'ballot.decision: A winner is picked between two benches; rank four',
    );
  });

  it('is refused when two speeches or two benches share a key', () => {
    expect(refused(withSpeech(policy, 3, { key: '1ac-cx' }))).toBe(
      'speeches[3].key: Each speech needs its own key',
    );
    // Closing Government renamed to Opening Government, speeches and all.
    const rename = (key: string) => (key === 'cg' ? 'og' : key);
    const input = {
      ...britishParliamentary,
      positions: britishParliamentary.positions.map((p) => ({ ...p, key: rename(p.key) })),
      speeches: britishParliamentary.speeches.map((s) => ({ ...s, position: rename(s.position) })),
    };
    expect(refused(input)).toBe('positions: Each bench needs its own key');
  });

  it('is refused, naming every fault, when a speech is for a speaker the bench lacks and lasts no time', () => {
    expect(refused(withSpeech(lincolnDouglas, 0, { speaker: 2 }))).toBe(
      'speeches[0].speaker: The bench has fewer speakers than that',
    );
    expect(refused(withSpeech(australs, 1, { seconds: 0, key: 'N1' }))).toBe(
      'speeches[1].key: Use lower-case letters, digits and dashes (at most 40); speeches[1].seconds: A speech lasts at least a second',
    );
  });

  it('is refused when the text is not JSON', () => {
    expect(refused('{"key": "simple",')).toBe('The format is not valid JSON.');
  });
});
