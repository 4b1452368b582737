'use client';

import { useActionState } from 'react';
import { createMapAction, type NewMapState } from '@/app/maps/new/actions';

/** Title, motion, and how to start: blank, or from the Turchenko–Strakes demo. */
export function NewMapForm() {
  const [state, action, pending] = useActionState<NewMapState, FormData>(createMapAction, {});
  return (
    <form action={action} className="form">
      <label className="field">
        <span>Title</span>
        <input name="title" required maxLength={120} defaultValue={state.title} placeholder="Russia, the CSTO and Nagorno-Karabakh" />
      </label>
      <label className="field">
        <span>Motion or question under debate</span>
        <input name="motion" required maxLength={300} defaultValue={state.motion} placeholder="Is Russia a credible security guarantor in the South Caucasus?" />
      </label>
      <fieldset className="choice">
        <legend>Start from</legend>
        <label>
          <input type="radio" name="template" value="demo" defaultChecked />
          <span>
            <strong>The Turchenko–Strakes debate</strong>
            <small>Both articles, their claims anchored to the passages they quote, and two teams, ready to extend.</small>
          </span>
        </label>
        <label>
          <input type="radio" name="template" value="blank" />
          <span>
            <strong>A blank map</strong>
            <small>An empty canvas for your own motion.</small>
          </span>
        </label>
      </fieldset>
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
