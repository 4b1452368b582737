import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formAction } from '@/lib/server/form-action';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe('a form action refusing its input', () => {
  const action = formAction(z.object({ motion: z.string().min(1, 'Write the motion') }), () =>
    Promise.resolve({ notice: 'Saved' }),
  );

  it('puts back what was typed and every box ticked, passwords excepted', async () => {
    const state = await action(
      {},
      form([
        ['motion', ''],
        ['judge', 'a'],
        ['judge', 'b'],
        ['password', 'secret'],
      ]),
    );
    expect(state).toEqual({
      error: 'Write the motion',
      field: 'motion',
      values: { motion: '', judge: 'b' },
      chosen: { motion: [''], judge: ['a', 'b'] },
    });
  });

  it('answers with the refusal, not a crash, whatever the fields are named', async () => {
    const names = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];
    const state = await action(
      {},
      form([['motion', ''], ...names.map((n) => [n, 'x'] as [string, string])]),
    );
    expect(state.error).toBe('Write the motion');
    for (const name of names) {
      expect(Object.getOwnPropertyDescriptor(state.chosen, name)?.value).toEqual(['x']);
      expect(Object.getOwnPropertyDescriptor(state.values, name)?.value).toBe('x');
    }
    // Still plain objects, as a server action's answer must be.
    expect(Object.getPrototypeOf(state.chosen)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(state.values)).toBe(Object.prototype);
  });
});
