import { describe, expect, it } from 'vitest';
import { PRESETS } from '@/lib/domain/formats';
import {
  clockTime,
  draftOf,
  readFormatFields,
  type FormatDraft,
} from '@/lib/domain/formats/form-fields';
import { ZFormat } from '@/lib/domain/formats/schema';

/** The fields a browser submits for a draft: checkboxes only when ticked, disabled fields not at all. */
function submitted(draft: FormatDraft): Map<string, string> {
  const fields = new Map<string, string>([
    ['name', draft.name],
    ['description', draft.description],
    ['speakersPerTeam', draft.speakersPerTeam],
    ['prep.kind', draft.prepKind],
    ['graceSeconds', draft.graceSeconds],
    ['warningSeconds', draft.warningSeconds],
    ['ballot.decision', draft.decision],
  ]);
  if (draft.prepKind !== 'none') fields.set('prep.minutes', draft.prepMinutes);
  if (draft.lowPointWins) fields.set('ballot.lowPointWins', 'on');
  for (const which of ['speakerPoints', 'replyPoints'] as const) {
    const p = draft[which];
    if (!p.on) continue;
    fields.set(`ballot.${which}.on`, 'on');
    for (const part of ['min', 'max', 'step'] as const)
      fields.set(`ballot.${which}.${part}`, p[part]);
  }
  draft.positions.forEach((p, i) => {
    fields.set(`positions.${i}.key`, p.key);
    fields.set(`positions.${i}.name`, p.name);
    fields.set(`positions.${i}.side`, p.side);
  });
  draft.speeches.forEach((s, i) => {
    const at = `speeches.${i}`;
    for (const part of ['key', 'kind', 'name', 'short', 'position', 'speaker'] as const)
      fields.set(`${at}.${part}`, s[part]);
    fields.set(`${at}.minutes`, s.minutes);
    fields.set(`${at}.secs`, s.secs);
    if (s.pois) {
      fields.set(`${at}.pois`, 'on');
      fields.set(`${at}.protectedStart`, s.protectedStart);
      fields.set(`${at}.protectedEnd`, s.protectedEnd);
    }
    if (s.flowed) fields.set(`${at}.flowed`, 'on');
  });
  return fields;
}

const read = (fields: Map<string, string>) => readFormatFields((name) => fields.get(name) ?? null);

describe('the format editor’s fields', () => {
  it.each(PRESETS.map((p) => [p.name, p] as const))(
    '%s survives being shown in the form and read back unchanged',
    (_, preset) => {
      const result = read(submitted(draftOf(preset)));
      expect(result.ok).toBe(true);
      if (result.ok) expect(ZFormat.parse({ ...result.input, key: preset.key })).toEqual(preset);
    },
  );

  it('reads a speech’s minutes and seconds as its length in seconds', () => {
    const draft = draftOf(PRESETS[1]!);
    draft.speeches[0] = { ...draft.speeches[0]!, minutes: '5', secs: '30' };
    const result = read(submitted(draft));
    expect(result.ok && (result.input.speeches as { seconds: number }[])[0]!.seconds).toBe(330);
  });

  it('names the field of a number it cannot read', () => {
    const fields = submitted(draftOf(PRESETS[1]!));
    fields.set('speeches.3.minutes', 'eight');
    expect(read(fields)).toEqual({
      ok: false,
      problem: { field: 'speeches.3.seconds', message: 'Type whole minutes' },
    });
  });

  it('shows times as a clock does', () => {
    expect([480, 300, 75, 0, 3600].map(clockTime)).toEqual([
      '8:00',
      '5:00',
      '1:15',
      '0:00',
      '60:00',
    ]);
  });
});
