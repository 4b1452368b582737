'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { fieldRefusalOf, refusalOf } from '@/lib/client/refusal';
import type { SourceDraft } from '@/lib/domain/evidence/source-draft';
import type { Side } from '@/lib/domain/types';
import styles from './add-source-form.module.css';
import { detailsOf, SourceDetailsFields } from './source-details-fields';

type Props = {
  mapId: string;
  /** The largest file the server reads, in bytes. */
  maxBytes: number;
  /** The limits in words, for the form's hint. */
  limits: string;
  /** The side a new source starts on. */
  side?: Side;
};

const FORMAT_NAMES: Record<SourceDraft['format'], string> = {
  PDF: 'PDF',
  DOCX: 'Word document',
  HTML: 'web page',
  TEXT: 'text',
  MARKDOWN: 'Markdown text',
};

/** A pasted text is read as a web page when it looks like HTML. */
const looksLikeHtml = (text: string) =>
  /^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i.test(text);

/**
 * Adds a source to the map in two steps: a file (PDF, Word, web page, text)
 * or pasted text is read on the server, then the person checks what was
 * read (the details the file carried, the text page by page) and saves it.
 * Nothing is stored until they save; once saved, the text cannot change.
 */
export function AddSourceForm({ mapId, maxBytes, limits, side = 'NEUTRAL' }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState<SourceDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (body: Blob, name: string, pasted = false) => {
    setError(null);
    if (body.size > maxBytes)
      return setError(`“${name}” is larger than ${Math.round(maxBytes / 1_000_000)} MB.`);
    setBusy(true);
    try {
      const response = await fetch(
        `/api/maps/${encodeURIComponent(mapId)}/sources/read?name=${encodeURIComponent(name)}${pasted ? '&pasted=1' : ''}`,
        { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body },
      );
      if (!response.ok) return setError(await refusalOf(response, 'The file could not be read.'));
      setDraft((await response.json()) as SourceDraft);
    } catch {
      setError('The server could not be reached. Try again.');
    } finally {
      setBusy(false);
    }
  };

  if (draft)
    return (
      <ReviewForm
        mapId={mapId}
        draft={draft}
        side={side}
        onBack={() => setDraft(null)}
        onSaved={(id) => router.push(`/maps/${encodeURIComponent(mapId)}?source=${id}`)}
      />
    );

  return (
    <div className={styles.steps}>
      <form
        className="form"
        aria-label="Read a file"
        onSubmit={(event) => {
          event.preventDefault();
          const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement)
            .files?.[0];
          if (!file) return setError('Choose a file first.');
          void read(file, file.name);
        }}
      >
        <label className="field">
          <span>A file: PDF, Word (.docx), web page (.html), or text (.txt, .md)</span>
          <input
            type="file"
            name="file"
            accept=".pdf,.docx,.html,.htm,.txt,.md,.markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain,text/markdown"
          />
          <small className="field__hint">{limits}</small>
        </label>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Reading…' : 'Read the file'}
        </button>
      </form>
      <p className={styles.or}>or</p>
      <form
        className="form"
        aria-label="Paste a text"
        onSubmit={(event) => {
          event.preventDefault();
          const text = String(new FormData(event.currentTarget).get('pasted') ?? '');
          if (!text.trim()) return setError('Paste the text first.');
          void read(
            new Blob([text], { type: 'text/plain' }),
            looksLikeHtml(text) ? 'pasted.html' : 'pasted.txt',
            true,
          );
        }}
      >
        <label className="field">
          <span>Paste the article’s text, or a web page’s HTML</span>
          <textarea name="pasted" rows={6} />
          <small className="field__hint">
            From a web page, “View source” and paste it all: the article is picked out of the menus
            and adverts.
          </small>
        </label>
        <button type="submit" className="button button--quiet" disabled={busy}>
          {busy ? 'Reading…' : 'Read the pasted text'}
        </button>
      </form>
      {error && (
        <p className="form__error" role="alert">
          <strong>Nothing was added.</strong> {error}
        </p>
      )}
    </div>
  );
}

type ReviewProps = {
  mapId: string;
  draft: SourceDraft;
  side: Side;
  onBack: () => void;
  onSaved: (id: string) => void;
};

/** The labels of a draft's pages: its own, or 1, 2, 3…. */
const pageLabelsOf = (draft: SourceDraft) =>
  draft.pageStarts.map((_, i) => draft.pageLabels[i] || String(i + 1));

/** The text of each page of a draft. */
const pagesOf = (draft: SourceDraft) =>
  draft.pageStarts.map((start, i) =>
    draft.text.slice(start, draft.pageStarts[i + 1] ?? draft.text.length).trim(),
  );

/** The second step: what was read, to check and correct before it is saved. */
function ReviewForm({ mapId, draft, side, onBack, onSaved }: ReviewProps) {
  const formId = useId();
  const paged = draft.pageStarts.length > 0;
  const labels = pageLabelsOf(draft);
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const invalid = (field: string) => (error?.field === field ? true : undefined);

  const save = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    const body = {
      format: draft.format,
      fileName: draft.fileName,
      ...detailsOf(data),
      ...(paged
        ? { pages: labels.map((label, i) => ({ label, text: text(`page${i}`) })) }
        : { text: text('text') }),
    };
    setError(null);
    setBusy(true);
    try {
      const response = await fetch(`/api/maps/${encodeURIComponent(mapId)}/sources`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.ok) return onSaved(((await response.json()) as { id: string }).id);
      setError(await fieldRefusalOf(response, 'The source could not be saved.'));
    } catch {
      setError({ message: 'The server could not be reached. Try again.', field: null });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      id={formId}
      className={`form ${styles.review}`}
      aria-label="Check the source"
      onSubmit={(event) => {
        event.preventDefault();
        void save(event.currentTarget);
      }}
    >
      <p className={styles.readFrom}>
        Read from {draft.fileName ? `“${draft.fileName}”` : 'the pasted text'} as a{' '}
        {FORMAT_NAMES[draft.format]}
        {paged && `, ${labels.length} ${labels.length === 1 ? 'page' : 'pages'}`}. Check it, then
        save it.
      </p>
      {draft.warnings.length > 0 && (
        <ul className={styles.warnings} aria-label="Check these">
          {draft.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <SourceDetailsFields
        values={{
          title: draft.title,
          author: draft.author,
          publisher: draft.publisher,
          publishedOn: draft.publishedOn,
          url: draft.url,
          accessedOn: draft.url ? new Date().toISOString().slice(0, 10) : null,
          side,
        }}
        invalidField={error?.field ?? null}
      />
      <fieldset className={styles.text}>
        <legend>Text</legend>
        <p className="field__hint">
          Correct what the file garbled: a word broken in two, a header repeated on every page. Once
          saved the text cannot change, because evidence quotes it.
        </p>
        {paged ? (
          pagesOf(draft).map((page, i) => (
            <label key={i} className="field">
              <span>Page {labels[i]}</span>
              <textarea
                name={`page${i}`}
                rows={8}
                defaultValue={page}
                aria-invalid={invalid('pages')}
              />
            </label>
          ))
        ) : (
          <label className="field">
            <span>Text</span>
            <textarea
              name="text"
              rows={16}
              defaultValue={draft.text}
              aria-invalid={invalid('text')}
            />
          </label>
        )}
      </fieldset>
      {error && (
        <p className="form__error" role="alert">
          <strong>Not saved.</strong> {error.message}
        </p>
      )}
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save the source'}
        </button>
        <button type="button" className="button button--quiet" onClick={onBack} disabled={busy}>
          Read another file
        </button>
      </div>
    </form>
  );
}
