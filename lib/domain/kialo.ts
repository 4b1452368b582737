import {
  clip,
  dedupeEdges,
  flattenText,
  ImportFormatError,
  MAX_IMPORT_NODES,
  type ImportedEdge,
  type ImportedMap,
  type ImportedNode,
} from './interchange';
import { MAX_TEXT_LENGTH } from './op-schemas';
import type { NodeKind, Side } from './types';

/**
 * Kialo's discussion export (kialo.com and Kialo Edu, "Export discussion"
 * as text) read into a map. The file is a numbered outline:
 *
 *     Discussion Title: Should schools ban phones?
 *
 *     1. Schools should ban phones in class.
 *     1.1. Pro: Phones distract pupils.
 *     1.1.1. Con: Pupils are distracted without phones too.
 *     1.2. Con: Phones are needed in emergencies.
 *     1.2.1. Pro: -> See 1.1.1.
 *
 * The first claim (`1.`) is the thesis; every other claim is a Pro or a Con
 * of the claim its number extends. `-> See 1.1.1.` puts a claim that lives
 * elsewhere in a second place: one node, a second connection. A claim's
 * text may run over several lines (lines that do not start with a number);
 * blank lines between claims are skipped, and a closing `Sources:` list of
 * footnotes is left out (said in `ignored`). Kialo writes Markdown, escaping its markup characters with a
 * backslash (`\(`); the escapes are undone. Newer exports may mark a thesis
 * `Thesis:` (a multi-thesis discussion's theses under its question).
 */

const TITLE_LINE = /^(?:Discussion Title|Discussion Name):[ \t]*(.*)$/;
/** A claim's line: its number (1.2.3.), then Pro:/Con:/Thesis: or nothing, then its text. */
const CLAIM_LINE = /^((?:\d+\.)+)(?:[ \t]+(?:(Pro|Con|Thesis):(?:[ \t]+|$))?|$)(.*)$/;
const LINK = /^->[ \t]*See[ \t]+((?:\d+\.)+|(?:\d+\.)*\d+)[ \t]*$/;
/** Markdown's backslash escapes of ASCII punctuation. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** Whether a text looks like a Kialo export: its first non-blank line names the discussion. */
export function looksLikeKialo(text: string): boolean {
  const first =
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .split(/\r?\n/, 1)[0] ?? '';
  return TITLE_LINE.test(first);
}

type Claim = {
  number: string;
  line: number;
  stance: 'Pro' | 'Con' | 'Thesis' | null;
  lines: string[];
  link: { target: string; line: number } | null;
};

/** "1.2.3." for "1.2.3." or "1.2.3". */
const normalNumber = (n: string) => (n.endsWith('.') ? n : `${n}.`);
const parentOf = (n: string) => n.slice(0, n.slice(0, -1).lastIndexOf('.') + 1);

/** A claim's text from its lines: escapes undone, trailing spaces and blank edge lines dropped. */
function textOf(lines: readonly string[]): string {
  const kept = lines.map((l) => l.trimEnd());
  while (kept.length && !kept[0]) kept.shift();
  while (kept.length && !kept.at(-1)) kept.pop();
  return kept.join('\n').replace(ESCAPE, '$1');
}

const flip = (side: Side): Side => (side === 'FOR' ? 'AGAINST' : side === 'AGAINST' ? 'FOR' : side);

/** Reads a Kialo discussion export into a graph; a broken file is refused with its line. */
export function parseKialo(text: string, fallbackTitle: string): ImportedMap {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let at = 0;
  while (at < lines.length && !lines[at]!.trim()) at++;
  if (at === lines.length) throw new ImportFormatError('The file is empty.');
  const title = TITLE_LINE.exec(lines[at]!.trim());
  if (!title)
    throw new ImportFormatError(
      `Line ${at + 1}: a Kialo export starts with "Discussion Title:", then the discussion's claims.`,
    );
  at++;

  const claims: Claim[] = [];
  const byNumber = new Map<string, Claim>();
  let current: Claim | null = null;
  const ignored: string[] = [];
  for (; at < lines.length; at++) {
    const raw = lines[at]!;
    const lineNo = at + 1;
    if (/^Sources:\s*$/.test(raw.trim()) && current) {
      // The footnotes the claims' [1] marks point to: not claims, so not cards. Said, not dropped silently.
      const count = lines.slice(at + 1).filter((l) => l.trim()).length;
      if (count > 0)
        ignored.push(
          `Line ${lineNo}: the discussion’s list of sources (${count} ${count === 1 ? 'source' : 'sources'}) was left out; the claims keep their footnote marks, such as [1].`,
        );
      break;
    }
    const match = CLAIM_LINE.exec(raw.trimStart());
    if (!match) {
      if (!raw.trim()) {
        if (current) current.lines.push('');
        continue;
      }
      if (!current)
        throw new ImportFormatError(
          `Line ${lineNo}: expected the discussion's first claim, numbered "1.", but found "${clip(raw, 40)}".`,
        );
      if (current.link)
        throw new ImportFormatError(
          `Line ${lineNo}: claim ${current.number} links to another claim ("-> See …") and can have no text of its own.`,
        );
      current.lines.push(raw);
      continue;
    }
    const number = match[1]!;
    const stance = (match[2] as Claim['stance'] | undefined) ?? null;
    const rest = match[3]!;
    if (byNumber.has(number))
      throw new ImportFormatError(`Line ${lineNo}: claim ${number} is numbered twice.`);
    const parent = parentOf(number);
    if (!parent && claims.length > 0)
      throw new ImportFormatError(
        `Line ${lineNo}: a second thesis, ${number}; a Kialo discussion has one, and every other claim is numbered under it.`,
      );
    if (parent && !byNumber.has(parent))
      throw new ImportFormatError(
        `Line ${lineNo}: claim ${number} comes before the claim it answers, ${parent}`,
      );
    if (parent && byNumber.get(parent)!.link)
      throw new ImportFormatError(
        `Line ${lineNo}: claim ${number} answers ${parent}, which only links to another claim.`,
      );
    if (parent && stance !== 'Pro' && stance !== 'Con' && stance !== 'Thesis')
      throw new ImportFormatError(
        `Line ${lineNo}: claim ${number} says neither "Pro:" nor "Con:" after its number.`,
      );
    const link = LINK.exec(rest.trim());
    if (link && !parent)
      throw new ImportFormatError(`Line ${lineNo}: the thesis ${number} cannot link to a claim.`);
    const claim: Claim = {
      number,
      line: lineNo,
      stance: parent ? stance : null,
      lines: link ? [] : [rest],
      link: link ? { target: normalNumber(link[1]!), line: lineNo } : null,
    };
    claims.push(claim);
    byNumber.set(number, claim);
    current = claim;
    if (claims.length > MAX_IMPORT_NODES)
      throw new ImportFormatError(
        `The file has more than ${MAX_IMPORT_NODES} claims; at most ${MAX_IMPORT_NODES} can be imported.`,
      );
  }
  if (claims.length === 0) throw new ImportFormatError('The file has no claims to import.');

  const nodes: ImportedNode[] = [];
  /** Node ids by claim number, in the file's order (ids may not hold dots). */
  const ids = new Map<string, string>();
  const idOf = (number: string) => ids.get(number)!;
  const kindOf = new Map<string, NodeKind>();
  const sideOf = new Map<string, Side>();
  const edges: ImportedEdge[] = [];
  for (const claim of claims) {
    const parent = parentOf(claim.number);
    if (claim.link) continue;
    const nodeText = textOf(claim.lines);
    if (!nodeText)
      throw new ImportFormatError(`Line ${claim.line}: claim ${claim.number} has no text.`);
    if (nodeText.length > MAX_TEXT_LENGTH)
      throw new ImportFormatError(
        `Line ${claim.line}: claim ${claim.number} is longer than ${MAX_TEXT_LENGTH} characters.`,
      );
    ids.set(claim.number, `n${ids.size + 1}`);
    let kind: NodeKind = 'CLAIM';
    let side: Side = 'NEUTRAL';
    if (parent && claim.stance !== 'Thesis') {
      const parentKind = kindOf.get(parent)!;
      const parentSide = sideOf.get(parent)!;
      if (claim.stance === 'Pro') {
        kind = 'PREMISE';
        side = parentSide === 'NEUTRAL' ? 'FOR' : parentSide;
      } else {
        kind = parentKind === 'OBJECTION' ? 'REBUTTAL' : 'OBJECTION';
        side = parentSide === 'NEUTRAL' ? 'AGAINST' : flip(parentSide);
      }
      edges.push({
        id: `e${edges.length + 1}`,
        fromId: idOf(claim.number),
        toId: idOf(parent),
        relation: claim.stance === 'Pro' ? 'SUPPORTS' : 'ATTACKS',
        groupId: null,
      });
    }
    kindOf.set(claim.number, kind);
    sideOf.set(claim.number, side);
    nodes.push({ id: idOf(claim.number), kind, text: nodeText, side, x: null, y: null });
  }
  const treeEdges = [...edges];
  // Links last: a link may point to a claim further down the file.
  for (const claim of claims) {
    if (!claim.link) continue;
    const { target, line } = claim.link;
    const parent = parentOf(claim.number);
    const to = byNumber.get(target);
    if (!to)
      throw new ImportFormatError(
        `Line ${line}: claim ${claim.number} links to ${target}, which is not in the file.`,
      );
    if (to.link)
      throw new ImportFormatError(
        `Line ${line}: claim ${claim.number} links to ${target}, which is itself a link.`,
      );
    if (target === parent)
      throw new ImportFormatError(
        `Line ${line}: claim ${claim.number} links to ${target}, the claim it answers.`,
      );
    if (claim.stance === 'Thesis') continue;
    edges.push({
      id: `e${edges.length + 1}`,
      fromId: idOf(target),
      toId: idOf(parent),
      relation: claim.stance === 'Pro' ? 'SUPPORTS' : 'ATTACKS',
      groupId: null,
    });
  }

  const thesis = nodes[0]!;
  const mapTitle = clip(title[1]!.replace(ESCAPE, '$1'), 120) || clip(fallbackTitle, 120);
  return {
    title: mapTitle || 'Imported map',
    motion: clip(flattenText(thesis.text), 300),
    description: 'Imported from a Kialo discussion.',
    nodes,
    edges: dedupeEdges(edges),
    layoutEdges: treeEdges,
    ignored,
  };
}
