/**
 * What makes a password acceptable: long enough, not absurdly long (bcrypt
 * reads 72 bytes), and not one of the passwords attackers try first.
 */

const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_BYTES = 72;

/**
 * The most common passwords of 10+ characters in public breach corpora
 * (shorter ones are refused by length already), plus classroom favourites.
 */
const COMMON = new Set(
  [
    '1234567890',
    '0123456789',
    '12345678910',
    '1234567891',
    '0987654321',
    '1111111111',
    '0000000000',
    '1234512345',
    'qwertyuiop',
    'qwerty1234',
    'qwerty12345',
    '1q2w3e4r5t',
    '1qaz2wsx3edc',
    'zaq12wsxcde3',
    'asdfghjkl1',
    'asdfghjkl;',
    'password12',
    'password123',
    'password1234',
    'password!!',
    'passw0rd123',
    'p@ssw0rd123',
    'password01',
    'mypassword',
    'iloveyou12',
    'iloveyou123',
    'sunshine12',
    'princess12',
    'football12',
    'baseball12',
    'basketball',
    'basketball1',
    'michael123',
    'superman12',
    'starwars12',
    'pokemon123',
    'minecraft1',
    'minecraft12',
    'minecraft123',
    'fortnite12',
    'letmein123',
    'welcome123',
    'welcome1234',
    'changeme123',
    'administrator',
    'admin12345',
    'admin123456',
    'abcdefghij',
    'abcd123456',
    'abc1234567',
    'a1b2c3d4e5',
    'qazwsxedcrfv',
    'trustno1234',
    'whatever12',
    'computer12',
    'internet12',
    'counterpoint',
    'counterpoint1',
    'counterpoint123',
    'debate1234',
    'debate12345',
    'student123',
    'student1234',
    'teacher123',
    'teacher1234',
    'school1234',
    'school12345',
    'classroom1',
    'homework123',
  ].map((p) => p.toLowerCase()),
);

/** Why this password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES)
    return 'Use at most 72 bytes (about 70 letters).';
  const lower = password.toLowerCase();
  if (COMMON.has(lower))
    return 'That password is one of the most common ones. Choose something less guessable.';
  if (/^(.)\1+$/.test(password)) return 'Do not repeat a single character.';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    return 'Do not put your email address in your password.';
  return null;
}
