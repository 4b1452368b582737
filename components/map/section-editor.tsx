'use client';

import { useId, useState } from 'react';
import {
  liveSection,
  MAX_SECTION_LEVEL,
  ZSectionTitle,
  type MapSection,
} from '@/lib/domain/sections';
import styles from './card-menu.module.css';

type Props = {
  /** The map's sections, in outline order. */
  sections: readonly MapSection[];
  /** The card's section (may name a deleted one: then none). */
  section: string | null | undefined;
  onChoose: (section: string | null) => void;
  /** Makes a section and puts the card in it. */
  onCreate: (title: string, parentId: string | null) => void;
  onRename: (id: string, title: string) => void;
  onDelete: (id: string) => void;
  onDone: () => void;
};

/**
 * A card's section in its menu: the map's sections to choose from (or
 * none), a field that makes a new one (at the top, or inside another) and
 * puts the card in it, and renaming or deleting the card's section.
 * Deleting a section deletes its subsections; their cards stay on the map.
 */
export function SectionEditor({
  sections,
  onChoose,
  onCreate,
  onRename,
  onDelete,
  onDone,
  ...props
}: Props) {
  const ids = useId();
  const current = liveSection(sections, props.section);
  const currentTitle = sections.find((s) => s.id === current)?.title ?? '';
  const [title, setTitle] = useState('');
  // A new section goes inside the card's own by default (if that may hold one).
  const [parent, setParent] = useState(
    () => sections.find((s) => s.id === current && s.level < MAX_SECTION_LEVEL)?.id ?? '',
  );
  const [rename, setRename] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const checked = (value: string) => {
    const parsed = ZSectionTitle.safeParse(value);
    setProblem(parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the title'));
    return parsed.success ? parsed.data : null;
  };
  const create = () => {
    const ok = checked(title);
    if (ok === null) return;
    onCreate(ok, parent || null);
    setTitle('');
  };
  const saveRename = () => {
    if (!current || rename === null) return;
    const ok = checked(rename);
    if (ok === null) return;
    onRename(current, ok);
    setRename(null);
  };
  const onEnter = (action: () => void) => (event: React.KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    action();
  };
  return (
    <div className={styles.sections}>
      <fieldset>
        <legend>Section of this card</legend>
        <label className={styles.choice}>
          <input
            type="radio"
            name={`${ids}-section`}
            checked={current === null}
            onChange={() => onChoose(null)}
          />
          No section
        </label>
        {sections.map((s) => (
          <label key={s.id} className={styles.choice} style={{ paddingLeft: (s.level - 1) * 16 }}>
            <input
              type="radio"
              name={`${ids}-section`}
              checked={current === s.id}
              onChange={() => onChoose(s.id)}
            />
            {s.title}
          </label>
        ))}
      </fieldset>
      {current && (
        <div className={styles.field}>
          {rename === null ? (
            <div className={styles.row}>
              <button
                type="button"
                className={styles.button}
                onClick={() => setRename(currentTitle)}
              >
                Rename section
              </button>
              <button
                type="button"
                className={`${styles.button} ${styles.danger}`}
                onClick={() => onDelete(current)}
              >
                Delete section
              </button>
            </div>
          ) : (
            <>
              <label className={styles.field}>
                New title of “{currentTitle}”
                <input
                  className={styles.tagInput}
                  value={rename}
                  maxLength={400}
                  autoFocus
                  onChange={(event) => {
                    setRename(event.target.value);
                    setProblem(null);
                  }}
                  onKeyDown={onEnter(saveRename)}
                />
              </label>
              <div className={styles.row}>
                <button type="button" className={styles.button} onClick={saveRename}>
                  Save title
                </button>
                <button type="button" className={styles.button} onClick={() => setRename(null)}>
                  Cancel
                </button>
              </div>
            </>
          )}
        </div>
      )}
      <label className={styles.field}>
        New section
        <input
          className={styles.tagInput}
          placeholder="Its title, then Enter"
          value={title}
          maxLength={400}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${ids}-problem` : undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onEnter(create)}
        />
      </label>
      {sections.length > 0 && (
        <label className={styles.field}>
          Put the new section
          <select
            className={styles.sectionSelect}
            value={parent}
            onChange={(event) => setParent(event.target.value)}
          >
            <option value="">At the top level</option>
            {sections
              .filter((s) => s.level < MAX_SECTION_LEVEL)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {`Inside ${'– '.repeat(s.level - 1)}${s.title}`}
                </option>
              ))}
          </select>
        </label>
      )}
      {problem && (
        <p id={`${ids}-problem`} role="alert" className={styles.problem}>
          {problem}
        </p>
      )}
      <div className={styles.row}>
        <button type="button" className={styles.button} onClick={create}>
          Add section
        </button>
        <button type="button" className={styles.button} onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
