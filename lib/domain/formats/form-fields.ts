import type { Format } from './schema';

/**
 * The format editor's form, both ways: a format as the strings its fields
 * show (`draftOf`), and the submitted fields read back into a format input
 * for the schema to check (`readFormatFields`). Numbered fields name each
 * speech by its place: `speeches.0.name`, `speeches.0.minutes`, … A speech's
 * length is typed as minutes and seconds and stored as seconds; the prep
 * clock is typed in minutes.
 */

/** Seconds as a clock shows them: 480 → "8:00", 75 → "1:15". */
export function clockTime(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export type SpeechDraft = {
  key: string;
  kind: string;
  name: string;
  short: string;
  position: string;
  speaker: string;
  minutes: string;
  secs: string;
  pois: boolean;
  protectedStart: string;
  protectedEnd: string;
  flowed: boolean;
};

export type PointsDraft = { on: boolean; min: string; max: string; step: string };

export type FormatDraft = {
  name: string;
  description: string;
  speakersPerTeam: string;
  positions: Format['positions'];
  speeches: SpeechDraft[];
  prepKind: Format['prep']['kind'];
  prepMinutes: string;
  graceSeconds: string;
  warningSeconds: string;
  decision: Format['ballot']['decision'];
  lowPointWins: boolean;
  speakerPoints: PointsDraft;
  replyPoints: PointsDraft;
};

const points = (range: { min: number; max: number; step: number } | null): PointsDraft =>
  range
    ? { on: true, min: String(range.min), max: String(range.max), step: String(range.step) }
    : { on: false, min: '', max: '', step: '1' };

const speechDraftOf = (speech: Format['speeches'][number]): SpeechDraft => ({
  key: speech.key,
  kind: speech.kind,
  name: speech.name,
  short: speech.short ?? '',
  position: speech.position,
  speaker: String(speech.speaker),
  minutes: String(Math.floor(speech.seconds / 60)),
  secs: String(speech.seconds % 60),
  pois: speech.pois.allowed,
  protectedStart: String(speech.pois.protectedStart),
  protectedEnd: String(speech.pois.protectedEnd),
  flowed: speech.flowed,
});

/** The editor's starting point: the format as its fields show it. */
export function draftOf(format: Format): FormatDraft {
  return {
    name: format.name,
    description: format.description,
    speakersPerTeam: String(format.speakersPerTeam),
    positions: format.positions,
    speeches: format.speeches.map(speechDraftOf),
    prepKind: format.prep.kind,
    prepMinutes: format.prep.kind === 'none' ? '0' : String(format.prep.seconds / 60),
    graceSeconds: String(format.graceSeconds),
    warningSeconds: String(format.warningSeconds),
    decision: format.ballot.decision,
    lowPointWins: format.ballot.lowPointWins,
    speakerPoints: points(format.ballot.speakerPoints),
    replyPoints: points(format.ballot.replyPoints),
  };
}

/** A key for a speech added in the editor, unlike the format's others. */
export function newSpeechKey(taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`speech-${n}`)) return `speech-${n}`;
}

/** What cannot be read as a number: the field it is in, and what to type instead. */
export type FieldProblem = { field: string; message: string };

class Unreadable extends Error {
  constructor(readonly problem: FieldProblem) {
    super(problem.message);
  }
}

type Get = (name: string) => string | null;

/** The most speeches a form is read for (the schema allows 30; more is refused there). */
const MAX_SPEECHES = 31;

/**
 * Reads the editor's submitted fields into a format input (not yet checked:
 * the schema does that, with the field at fault). A number field holding
 * something else is reported as a problem with that field instead.
 */
export function readFormatFields(
  get: Get,
): { ok: true; input: Record<string, unknown> } | { ok: false; problem: FieldProblem } {
  const text = (name: string) => (get(name) ?? '').trim();
  const on = (name: string) => get(name) !== null;
  const number = (name: string, field: string, message: string, whole = true): number => {
    const value = text(name);
    const n = value === '' ? NaN : Number(value);
    if (!Number.isFinite(n) || (whole && !Number.isInteger(n)))
      throw new Unreadable({ field, message });
    return n;
  };
  const seconds = (name: string, field: string) =>
    number(name, field, 'Type a whole number of seconds');
  const range = (at: string) =>
    on(`${at}.on`)
      ? {
          min: number(`${at}.min`, `${at}.min`, 'Type the lowest score as a number', false),
          max: number(`${at}.max`, `${at}.max`, 'Type the highest score as a number', false),
          step: number(`${at}.step`, `${at}.step`, 'Type the step as a number', false),
        }
      : null;
  try {
    const positions = [];
    for (let i = 0; get(`positions.${i}.key`) !== null && i < 4; i++)
      positions.push({
        key: text(`positions.${i}.key`),
        name: text(`positions.${i}.name`),
        side: text(`positions.${i}.side`),
      });
    const speeches = [];
    for (let i = 0; get(`speeches.${i}.key`) !== null && i < MAX_SPEECHES; i++) {
      const at = `speeches.${i}`;
      const short = text(`${at}.short`);
      const minutes = number(`${at}.minutes`, `${at}.seconds`, 'Type whole minutes');
      const secs = number(`${at}.secs`, `${at}.seconds`, 'Type whole seconds');
      speeches.push({
        key: text(`${at}.key`),
        kind: text(`${at}.kind`) || 'constructive',
        name: text(`${at}.name`),
        ...(short ? { short } : {}),
        position: text(`${at}.position`),
        speaker: number(`${at}.speaker`, `${at}.speaker`, 'Choose the speaker'),
        seconds: minutes * 60 + secs,
        // Without POIs the protected times mean nothing (their fields are disabled, so not sent).
        pois: on(`${at}.pois`)
          ? {
              allowed: true,
              protectedStart: seconds(`${at}.protectedStart`, `${at}.pois.protectedStart`),
              protectedEnd: seconds(`${at}.protectedEnd`, `${at}.pois.protectedEnd`),
            }
          : { allowed: false, protectedStart: 0, protectedEnd: 0 },
        flowed: on(`${at}.flowed`),
      });
    }
    const prepKind = text('prep.kind');
    const prep =
      prepKind === 'none'
        ? { kind: 'none' }
        : {
            kind: prepKind,
            seconds: Math.round(
              number('prep.minutes', 'prep.seconds', 'Type the prep time in minutes', false) * 60,
            ),
          };
    return {
      ok: true,
      input: {
        name: text('name'),
        description: text('description'),
        positions,
        speakersPerTeam: number('speakersPerTeam', 'speakersPerTeam', 'Type a whole number'),
        speeches,
        prep,
        graceSeconds: seconds('graceSeconds', 'graceSeconds'),
        warningSeconds: seconds('warningSeconds', 'warningSeconds'),
        ballot: {
          decision: text('ballot.decision'),
          speakerPoints: range('ballot.speakerPoints'),
          replyPoints: range('ballot.replyPoints'),
          lowPointWins: on('ballot.lowPointWins'),
        },
      },
    };
  } catch (error) {
    if (error instanceof Unreadable) return { ok: false, problem: error.problem };
    throw error;
  }
}
