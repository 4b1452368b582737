import type { z } from 'zod';
import { australs } from './australs';
import { britishParliamentary } from './british-parliamentary';
import { lincolnDouglas } from './lincoln-douglas';
import { policy } from './policy';
import { publicForum } from './public-forum';
import { ZFormat, type Format } from './schema';
import { simple } from './simple';
import { worldSchools } from './world-schools';

/**
 * The built-in formats and the small rules the flow and the clocks read off
 * a format. Speeches are named by their index in `format.speeches`, as the
 * round's flow entries and clock name them.
 */

type Side = 'FOR' | 'AGAINST';

/** @internal A format that does not pass the schema; the message names the field at fault (the preset tests catch it). */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

const fieldPath = (path: readonly PropertyKey[]) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');

/** @internal Checks a format (an object, or JSON text) and fills its defaults; throws FormatError listing what is wrong (the preset tests call it). */
export function parseFormat(json: unknown): Format {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      throw new FormatError('The format is not valid JSON.');
    }
  }
  const result = ZFormat.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue: z.core.$ZodIssue) => {
    const at = fieldPath(issue.path);
    return at ? `${at}: ${issue.message}` : issue.message;
  });
  throw new FormatError(problems.join('; '));
}

/** The built-in presets in the order a teacher is offered them, simplest first. */
export const PRESETS: readonly Format[] = [
  simple,
  worldSchools,
  britishParliamentary,
  publicForum,
  lincolnDouglas,
  policy,
  australs,
].map((preset) => parseFormat(preset));

/** The built-in preset with this key, or undefined. */
export const presetByKey = (key: string): Format | undefined =>
  PRESETS.find((preset) => preset.key === key);

type Shape = Pick<Format, 'positions' | 'speeches'>;

function speechAt(format: Shape, index: number) {
  const speech = format.speeches[index];
  if (!speech) throw new RangeError(`The format has no speech ${index}`);
  return speech;
}

/** Indexes of the speeches that get a column on the flow, in speaking order. */
export const flowedSpeeches = (format: Shape): number[] =>
  format.speeches.flatMap((speech, i) => (speech.flowed ? [i] : []));

/** The side of the motion whose bench gives the speech (for questioning, the bench answering or asking first). */
export function sideOfSpeech(format: Shape, index: number): Side {
  const { position } = speechAt(format, index);
  const bench = format.positions.find((p) => p.key === position);
  if (!bench) throw new RangeError(`Speech ${index} names no bench of the format`);
  return bench.side;
}

/** Index of the next flowed speech after `index` given by the other side (where a reply to it belongs), or null. */
export function nextOpposingSpeech(format: Shape, index: number): number | null {
  const side = sideOfSpeech(format, index);
  for (let i = index + 1; i < format.speeches.length; i++)
    if (format.speeches[i]!.flowed && sideOfSpeech(format, i) !== side) return i;
  return null;
}

/** The speech's short label for a column head ("P1", "1AC"), or its name when it has none. */
export const speechLabel = (format: Shape, index: number): string => {
  const speech = speechAt(format, index);
  return speech.short ?? speech.name;
};

/** Seconds of every speech and questioning period added up: the round's length without prep or grace. */
export const totalSpeakingSeconds = (format: Pick<Format, 'speeches'>): number =>
  format.speeches.reduce((sum, speech) => sum + speech.seconds, 0);
