import { afterAll, describe, expect, it } from 'vitest';
import { unstorableAt } from '@/lib/domain/storable';
import { toErrorResponse } from '@/lib/server/errors';
import { readJsonBody } from '@/lib/server/http';
import { testDb } from '../factories';
import { refusalOf } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

const post = (body: string) =>
  new Request('http://localhost/api/maps/m1/ops', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
  });

describe('text the database cannot store', () => {
  it('names the first field holding a NUL or half a surrogate pair, keys included', () => {
    expect(unstorableAt({ ops: [{ text: 'fine' }, { text: 'a\u0000b' }] })).toBe('ops.1.text');
    expect(unstorableAt({ body: 'lone \uD83D here' })).toBe('body');
    expect(unstorableAt({ body: 'trailing \uDC00' })).toBe('body');
    expect(unstorableAt({ ['k\u0000']: 1 })).toBe('k\u0000');
    // Whole pairs (an emoji, a rare CJK character) are text like any other.
    expect(unstorableAt({ body: 'Debate \uD83D\uDE00 \uD840\uDC0B', n: 1, ok: null })).toBeNull();
  });

  it('refuses a JSON body carrying one with a 400 that names the field, before anything runs', async () => {
    const body = JSON.stringify({ ops: [{ type: 'createNode', text: 'Sanctions\u0000 work' }] });
    expect(await refusalOf(() => readJsonBody(post(body)))).toBe(
      'VALIDATION_FAILED: ops.0.text: contains a character that cannot be stored (a NUL character or half of a surrogate pair)',
    );
    // JSON's own escape for a lone surrogate, as a script might send it.
    expect(await refusalOf(() => readJsonBody(post('{"name":"\\ud800"}')))).toMatch(
      /^VALIDATION_FAILED: name: /,
    );
  });

  it('answers 400, not 500, when such a value reaches the database some other way (a URL)', async () => {
    let thrown: unknown;
    try {
      await testDb().argumentMap.findUnique({ where: { id: 'map\u0000' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    const { status, body } = toErrorResponse(thrown);
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
  });
});
