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
