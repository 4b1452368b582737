'use client';

import { useState } from 'react';
import { PRESET_TAGS } from '@/lib/domain/social';
import styles from './team-notes.module.css';

type Props = {
  /** The tags the claim has in our layer. */
  tags: readonly string[];
  /** Adds the tag if the claim lacks it, else removes it. */
  onToggle: (tag: string) => Promise<boolean>;
};

/** A claim's tags in our layer: the preset ones and our own, each a checkbox, and a box for a new one. */
export function TagPicker({ tags, onToggle }: Props) {
  const [custom, setCustom] = useState('');
  const preset = PRESET_TAGS as readonly string[];
  return (
    <fieldset className={styles.tagPicker}>
      <legend>Tags</legend>
      {[...preset, ...tags.filter((t) => !preset.includes(t))].map((tag) => (
        <label key={tag}>
          <input type="checkbox" checked={tags.includes(tag)} onChange={() => void onToggle(tag)} />{' '}
          {tag}
        </label>
      ))}
      <form
        className={styles.customTag}
        onSubmit={(e) => {
          e.preventDefault();
          if (custom.trim()) void onToggle(custom.trim()).then(() => setCustom(''));
        }}
      >
        <input
          value={custom}
          onChange={(e) => setCustom(e.target.value)}
          maxLength={40}
          aria-label="Custom tag"
          placeholder="Custom tag"
        />
        <button type="submit" className="button button--quiet button--small">
          Add tag
        </button>
      </form>
    </fieldset>
  );
}
