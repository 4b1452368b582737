'use client';

import { useState } from 'react';
import { colourOfTag, MAX_NODE_TAGS, sameTag, tagProblem, type TagColors } from '@/lib/domain/tags';
import { TagChips } from './tag-chips';
import styles from './card-menu.module.css';

type Props = {
  tags: readonly string[];
  tagColors: TagColors;
  /** Saves the card's whole tag list. */
  onChange: (tags: string[]) => void;
  onDone: () => void;
};

/**
 * A card's tags in its menu: each chip with a remove button, and a field
 * where Enter adds what was typed. A tag the card cannot take is refused
 * here with the reason the server would give.
 */
export function TagEditor({ tags, tagColors, onChange, onDone }: Props) {
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
