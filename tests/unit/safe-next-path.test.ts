import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/util/safe-next-path';

describe('safeNextPath', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeNextPath('/maps/abc?node=n1#x')).toBe('/maps/abc?node=n1#x');
    expect(safeNextPath('/join/ABCD-EFGH')).toBe('/join/ABCD-EFGH');
  });

  it('sends anything that could leave the site to the home page', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '\\/evil.example',
      'javascript:alert(1)',
      'maps/abc',
      '',
      undefined,
      ['/maps/abc'],
    ])
      expect(safeNextPath(value), JSON.stringify(value)).toBe('/');
  });

  it('never turns a path into another site however it is dressed', () => {
    // Resolved as a browser would: dots are walked, and a path that would
    // end as `//host` goes home.
    expect(safeNextPath('/./maps/../maps/abc')).toBe('/maps/abc');
    expect(safeNextPath('/../..//evil.example')).toBe('/');
    expect(safeNextPath('/.//evil.example')).toBe('/');
  });
});
