'use client';

import { useActionState, useState } from 'react';
import { createMapAction } from '@/app/maps/new/actions';
import { MAX_SOURCE_CHARS } from '@/lib/domain/types';
import styles from './new-map-form.module.css';

type Props = {
  /** Classes the user teaches; a map can be made for one of them. */
  classrooms: { id: string; name: string }[];
  classroomId: string | null;
};

const SOURCE_SLOTS = [
  { side: 'FOR', label: 'A source for the motion' },
  { side: 'AGAINST', label: 'A source against the motion' },
] as const;

/** Title, motion, the class it is for, and how to start: from the demo, or blank with the class's own sources. */
export function NewMapForm({ classrooms, classroomId }: Props) {
  const [state, action, pending] = useActionState(createMapAction, {});
  const [template, setTemplate] = useState<'demo' | 'blank'>('demo');
  // After a refusal React resets the form to its defaults: the defaults are
  // what was sent (the choice of start, the class, each source's fields), so
  // a corrected form sends the same choice again, not a copy of the demo.
  const sent = state.values;
  const [shownState, setShownState] = useState(state);
  if (state !== shownState) {
    setShownState(state);
    if (sent?.template === 'blank' || sent?.template === 'demo') setTemplate(sent.template);
  }
  return (
    <form action={action} className="form">
      <label className="field">
        <span>Title</span>
        <input
          name="title"
          required
          maxLength={120}
          defaultValue={state.values?.title}
          placeholder="Russia, the CSTO and Nagorno-Karabakh"
        />
      </label>
      <label className="field">
        <span>Motion or question under debate</span>
        <input
          name="motion"
          required
          maxLength={300}
          defaultValue={state.values?.motion}
          placeholder="The CSTO failed Armenia"
        />
      </label>
      {classrooms.length > 0 && (
        <label className="field">
          <span>For the class</span>
          <select name="classroomId" defaultValue={sent?.classroomId ?? classroomId ?? ''}>
            <option value="">No class: just me and people I share it with</option>
            {classrooms.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <small className="field__hint">
            Everyone in the class can open and edit the map; you put them on teams afterwards.
          </small>
        </label>
      )}
      <fieldset className="choice">
        <legend>Start from</legend>
        <label>
          <input
            type="radio"
            name="template"
            value="demo"
            defaultChecked={template === 'demo'}
            onChange={() => setTemplate('demo')}
          />
          <span>
            <strong>The Turchenko–Strakes debate</strong>
            <small>
              Both articles, their claims anchored to the passages they quote, and two teams, ready
              to extend.
            </small>
          </span>
        </label>
        <label>
          <input
            type="radio"
            name="template"
            value="blank"
            defaultChecked={template === 'blank'}
            onChange={() => setTemplate('blank')}
          />
          <span>
            <strong>A blank map</strong>
            <small>An empty canvas for your own motion, with the articles you choose.</small>
          </span>
        </label>
      </fieldset>
      {template === 'blank' && (
        <fieldset className={styles.sources}>
          <legend>Sources (optional)</legend>
          <p className="field__hint">
            Paste each article’s text, or upload it as a .txt or .md file, up to{' '}
            {MAX_SOURCE_CHARS.toLocaleString('en')} characters each (about 30,000 words). Students
            quote them to make evidence. PDFs, Word files and web pages are added from the map’s
            Sources panel once it is made.
          </p>
          {SOURCE_SLOTS.map((slot, i) => (
            <div
              key={slot.side}
              className={styles.slot}
              role="group"
              aria-label={`Source ${i + 1}`}
            >
              <p className={styles.slotTitle}>{slot.label}</p>
              <input type="hidden" name={`source${i}.side`} value={slot.side} />
              <label className="field">
                <span>Title</span>
                <input
                  name={`source${i}.title`}
                  maxLength={300}
                  defaultValue={sent?.[`source${i}.title`]}
                />
              </label>
              <label className="field">
                <span>Author</span>
                <input
                  name={`source${i}.author`}
                  maxLength={200}
                  defaultValue={sent?.[`source${i}.author`]}
                />
              </label>
              <label className="field">
                <span>Text</span>
                <textarea
                  name={`source${i}.text`}
                  rows={5}
                  maxLength={MAX_SOURCE_CHARS}
                  defaultValue={sent?.[`source${i}.text`]}
                />
              </label>
              <label className="field">
                <span>…or upload a .txt or .md file</span>
                <input
                  type="file"
                  name={`source${i}.file`}
                  accept=".txt,.md,.markdown,text/plain,text/markdown"
                />
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {state.error && (
        <p className="form__error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button form__submit" disabled={pending}>
        {pending ? 'Creating the map…' : 'Create map'}
      </button>
    </form>
  );
}
