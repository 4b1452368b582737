import { describe, expect, it } from 'vitest';
import { isEmailLogin, parseCsv, parseRoster, usernameBase } from '@/lib/domain/roster';

const namesOf = (text: string) => {
  const result = parseRoster(text);
  if ('error' in result) throw new Error(result.error);
  return result.names;
};
const errorOf = (text: string) => {
  const result = parseRoster(text);
  return 'error' in result ? result.error : null;
};

describe('a roster', () => {
  it('is one name per line, tidied, blank lines skipped', () => {
    expect(namesOf('Maya Kowalski\n\n  Omar   Haddad \r\nZoë Ângela\n')).toEqual([
      'Maya Kowalski',
      'Omar Haddad',
      'Zoë Ângela',
    ]);
  });

  it('keeps a comma inside a pasted name when there is no header row', () => {
    expect(namesOf('Kowalski, Maya\nHaddad, Omar')).toEqual(['Kowalski, Maya', 'Haddad, Omar']);
  });

  it('reads a CSV export by its Name column: BOM, quotes, doubled quotes, commas and CRLF', () => {
    const csv =
      '\uFEFFStudent ID,Name,Email\r\n' +
      '1,"Kowalski, Maya",\r\n' +
      '2,"Dana ""DJ"" Jones",\r\n' +
      '3,Omar Haddad,\r\n' +
      ',,\r\n';
    expect(namesOf(csv)).toEqual(['Kowalski, Maya', 'Dana "DJ" Jones', 'Omar Haddad']);
  });

  it('joins first and last name columns, and reads semicolon-separated exports', () => {
    expect(namesOf('First name;Last name\nMaya;Kowalski\nOmar;Haddad')).toEqual([
      'Maya Kowalski',
      'Omar Haddad',
    ]);
  });

  it('keeps a quoted line break inside one cell', () => {
    expect(parseCsv('a,"b\nc"\nd,e')).toEqual([
      ['a', 'b\nc'],
      ['d', 'e'],
    ]);
  });

  it('refuses more than 200 names, an empty roster and a name that is too long, saying which', () => {
    const many = Array.from({ length: 201 }, (_, i) => `Student ${i}`).join('\n');
    expect(errorOf(many)).toBe('That is 201 names; add at most 200 at a time.');
    expect(namesOf(many.split('\n').slice(0, 200).join('\n'))).toHaveLength(200);
    expect(errorOf('\n  \n')).toBe('Enter at least one name, one per line.');
    expect(errorOf('Name,Email\n')).toBe('The file has a name column but no names under it.');
    expect(errorOf(`Maya\n${'x'.repeat(81)}`)).toMatch(/^Name 2 is longer than 80 characters/);
  });
});

describe('usernames', () => {
  it('start with the first name and the last initial, in plain lower-case ASCII', () => {
    expect(usernameBase('Maya Kowalski')).toBe('maya.k');
    expect(usernameBase('Zoë Ângela Brontë')).toBe('zoe.b');
    expect(usernameBase('Omar')).toBe('omar');
    expect(usernameBase('李雷')).toBe('student');
    expect(usernameBase('Anne-Marie Dupont')).toBe('anne.d');
  });

  it('never look like an email, which is how sign-in tells them apart', () => {
    expect(usernameBase('maya@school.test')).not.toContain('@');
    expect(isEmailLogin('maya.k.42')).toBe(false);
    expect(isEmailLogin('maya@school.test')).toBe(true);
  });
});
