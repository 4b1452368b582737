/**
 * Writing a discussion in Kialo's export format, as Kialo does, for the
 * round-trip tests of the Kialo reader (lib/domain/kialo.ts). Counterpoint
 * itself does not export Kialo.
 */

export type KialoClaim = { text: string; children: KialoChild[] };
export type KialoChild =
  | { stance: 'Pro' | 'Con'; claim: KialoClaim }
  /** A claim placed a second time: `-> See <its number>`. */
  | { stance: 'Pro' | 'Con'; see: KialoClaim };
export type KialoDiscussion = { title: string; thesis: KialoClaim };

/** Every claim (not link) with its number, parent and stance, in the file's order. */
export function numbered(discussion: KialoDiscussion) {
  const out: {
    number: string;
    claim: KialoClaim;
    parent: string | null;
    stance: 'Pro' | 'Con' | null;
  }[] = [];
  const links: { number: string; parent: string; stance: 'Pro' | 'Con'; see: KialoClaim }[] = [];
  const walk = (
    claim: KialoClaim,
    number: string,
    parent: string | null,
    stance: 'Pro' | 'Con' | null,
  ) => {
    out.push({ number, claim, parent, stance });
    claim.children.forEach((child, i) => {
      const childNumber = `${number}${i + 1}.`;
      if ('see' in child)
        links.push({ number: childNumber, parent: number, stance: child.stance, see: child.see });
      else walk(child.claim, childNumber, number, child.stance);
    });
  };
  walk(discussion.thesis, '1.', null, null);
  const numberOf = new Map(out.map((c) => [c.claim, c.number]));
  return {
    claims: out,
    links: links.map((l) => ({ ...l, target: numberOf.get(l.see)! })),
  };
}

/** Kialo's Markdown escape of a backslash, and of what would read as the file's own syntax. */
function escapeText(text: string, first: 'thesis' | 'child'): string {
  return text
    .replace(/\\/g, '\\\\')
    .split('\n')
    .map((line, i) => {
      if (i === 0 && first === 'thesis') return line.replace(/^(Pro|Con|Thesis):/, '$1\\:');
      if (i === 0) return line.replace(/^-/, '\\-');
      if (line.trim() === 'Sources:') return line.replace(':', '\\:');
      return line.replace(/^(\s*\d+)\./, '$1\\.');
    })
    .join('\n');
}

/** The discussion as Kialo's "Export discussion" writes it. */
export function printKialo(discussion: KialoDiscussion): string {
  const lines = [`Discussion Title: ${discussion.title.replace(/\\/g, '\\\\')}`, ''];
  const write = (claim: KialoClaim, number: string, stance: 'Pro' | 'Con' | null) => {
    const head = stance ? `${number} ${stance}: ` : `${number} `;
    lines.push(head + escapeText(claim.text, stance ? 'child' : 'thesis'));
    claim.children.forEach((child, i) => {
      const childNumber = `${number}${i + 1}.`;
      if ('see' in child)
        lines.push(`${childNumber} ${child.stance}: -> See ${numberOf(child.see)}`);
      else write(child.claim, childNumber, child.stance);
    });
  };
  const { claims } = numbered(discussion);
  const numbers = new Map(claims.map((c) => [c.claim, c.number]));
  const numberOf = (claim: KialoClaim) => numbers.get(claim)!;
  write(discussion.thesis, '1.', null);
  return `${lines.join('\n')}\n`;
}
