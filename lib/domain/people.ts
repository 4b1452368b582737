/**
 * How people appear to each other: one display name and one avatar palette
 * for every page, panel, export and stream.
 */

/** Shown where a person has neither a name nor an email (a deleted account, say). */
const FALLBACK_NAME = 'Someone';

/** Avatar colours that keep white initials legible (contrast ≥ 4.5:1). */
export const AVATAR_COLOURS = [
  '#4f46e5',
  '#0f766e',
  '#b91c1c',
  '#a21caf',
  '#1d4ed8',
  '#b45309',
  '#15803d',
  '#334155',
] as const;
export type AvatarColour = (typeof AVATAR_COLOURS)[number];

/** For a person whose colour is unknown (a deleted account, a guest). */
const FALLBACK_AVATAR_COLOUR = '#64748b';

type Person = { name?: string | null; email?: string | null } | null | undefined;

/**
 * The name others see: the person's own name, else the part of their email
 * before the @ (never the whole address, which classmates need not see),
 * else {@link FALLBACK_NAME}.
 */
export function displayName(person: Person): string {
  const name = person?.name?.trim();
  if (name) return name;
  const local = person?.email?.split('@')[0]?.trim();
  return local || FALLBACK_NAME;
}

/** A new account's colour, drawn from the one palette the profile form accepts. */
export function randomAvatarColour(random: () => number = Math.random): AvatarColour {
  return AVATAR_COLOURS[Math.floor(random() * AVATAR_COLOURS.length) % AVATAR_COLOURS.length]!;
}

/** The colour to draw for a stored value: itself, or the fallback when missing. */
export function avatarColour(stored: string | null | undefined): string {
  return stored || FALLBACK_AVATAR_COLOUR;
}

/** A person's pseudonym on an anonymous map: "Student 7". */
export function pseudonymName(number: number): string {
  return `Student ${number}`;
}

/** How a map's teachers see a pseudonymous student: the name, and the pseudonym classmates see. */
export function nameWithPseudonym(name: string, pseudonym: string): string {
  return `${name} (${pseudonym})`;
}

/** A pseudonym's avatar colour: from the palette by its number, never the person's own choice. */
export function pseudonymColour(number: number): AvatarColour {
  return AVATAR_COLOURS[(number - 1) % AVATAR_COLOURS.length]!;
}

/**
 * What an avatar shows: a pseudonym's "S7" (so two students are told
 * apart), else the first letter of the name.
 */
export function avatarInitials(name: string): string {
  const pseudonym = /^Student (\d+)$/.exec(name.trim());
  if (pseudonym) return `S${pseudonym[1]}`;
  return name.trim().charAt(0).toUpperCase();
}

/** The font size (px) that fits `initials` in a round avatar `diameter` px wide; undefined for one letter (the avatar's own size). */
export function initialsFontSize(initials: string, diameter: number): number | undefined {
  if (initials.length <= 1) return undefined;
  return Math.round(diameter * (initials.length > 2 ? 0.34 : 0.42));
}
