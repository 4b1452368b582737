'use client';

import { useState } from 'react';
import {
  colourOfTag,
  MAX_NODE_TAGS,
  sameTag,
  TAG_PALETTE,
  tagProblem,
  type TagColors,
} from '@/lib/domain/tags';
import { TagChips } from './tag-chips';
import styles from './card-menu.module.css';

type Props = {
  tags: readonly string[];
  tagColors: TagColors;
  /** Saves the card's whole tag list. */
  onChange: (tags: string[]) => void;
  /** Sets a tag's colour for the whole map (null: the default). */
  onColour: (tag: string, colour: string | null) => void;
  onDone: () => void;
};

/**
 * A card's tags in its menu: each chip with a remove button, and a field
 * where Enter adds what was typed. A tag the card cannot take is refused
 * here with the reason the server would give.
 */
export function TagEditor({ tags, tagColors, onChange, onColour, onDone }: Props) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const why =
      tagProblem(draft) ??
      (tags.some((t) => sameTag(t, draft.trim())) ? 'The card already has this tag' : null) ??
      (tags.length >= MAX_NODE_TAGS ? `A card has at most ${MAX_NODE_TAGS} tags` : null);
    setProblem(why);
    if (why) return;
    onChange([...tags, draft]);
    setDraft('');
  };
  return (
    <div className={styles.tags}>
      <TagChips
        tags={tags.map((tag) => ({ tag, colour: colourOfTag(tagColors, tag) ?? null }))}
        onRemove={(tag) => onChange(tags.filter((t) => t !== tag))}
      />
      {tags.map((tag) => (
        <TagColourChoice
          key={tag}
          tag={tag}
          colour={colourOfTag(tagColors, tag) ?? null}
          onColour={onColour}
        />
      ))}
      <input
        className={styles.tagInput}
        aria-label="Add a tag"
        placeholder="Add a tag, then Enter"
        value={draft}
        maxLength={80}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'tag-problem' : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          add();
        }}
      />
      {problem && (
        <p id="tag-problem" role="alert" className={styles.problem}>
          {problem}
        </p>
      )}
      <button type="button" className={styles.item} onClick={onDone}>
        Done
      </button>
    </div>
  );
}

/**
 * The colour of one tag on the whole map: the default chip, or one of the
 * palette's (each reads with dark or white text). A colour set elsewhere (an
 * imported file's) shows as itself until another is chosen.
 */
function TagColourChoice({
  tag,
  colour,
  onColour,
}: {
  tag: string;
  colour: string | null;
  onColour: (tag: string, colour: string | null) => void;
}) {
  const known = colour === null || TAG_PALETTE.some((p) => p.colour === colour);
  return (
    <label className={styles.colourRow}>
      <span className={styles.colourName} title={tag}>
        Colour of {tag}
      </span>
      <span
        className={styles.swatch}
        style={colour ? { background: colour } : undefined}
        aria-hidden="true"
      />
      <select
        className={styles.colourSelect}
        value={colour ?? ''}
        onChange={(event) => onColour(tag, event.target.value || null)}
      >
        <option value="">Default</option>
        {!known && <option value={colour}>Own colour ({colour})</option>}
        {TAG_PALETTE.map((p) => (
          <option key={p.colour} value={p.colour}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
