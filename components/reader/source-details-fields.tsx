import type { Side } from '@/lib/domain/types';
import { SIDES } from '@/lib/domain/types';
import styles from './add-source-form.module.css';

/** A source's details as a form shows them. */
export type SourceDetailsValues = {
  title: string;
  author: string;
  qualifications?: string;
  publisher: string;
  publishedOn: string | null;
  url: string | null;
  accessedOn: string | null;
  side: Side;
};

const SIDE_NAMES: Record<Side, string> = {
  FOR: 'For the motion',
  AGAINST: 'Against the motion',
  NEUTRAL: 'Neither side',
};

/**
 * The details of a source, for its citation: when it is added (filled from
 * the file) and when they are corrected later. `invalidField` is the field
 * the server refused.
 */
export function SourceDetailsFields({
  values,
  invalidField,
}: {
  values: SourceDetailsValues;
  invalidField: string | null;
}) {
  const invalid = (field: string) => (invalidField === field ? true : undefined);
  return (
    <fieldset className={styles.details}>
      <legend>About the source</legend>
      <label className="field">
        <span>Title</span>
        <input
          name="title"
          required
          maxLength={300}
          defaultValue={values.title}
          aria-invalid={invalid('title')}
        />
      </label>
      <label className="field">
        <span>Authors</span>
        <input
          name="author"
          maxLength={300}
          defaultValue={values.author}
          aria-invalid={invalid('author')}
        />
        <small className="field__hint">
          Separate several with semicolons: “Strakes, Jason E.; Doe, Jane”.
        </small>
      </label>
      <label className="field">
        <span>Qualifications</span>
        <input
          name="qualifications"
          maxLength={500}
          defaultValue={values.qualifications ?? ''}
          aria-invalid={invalid('qualifications')}
        />
        <small className="field__hint">
          Why they are worth quoting, for the cite: “Professor of politics at …”.
        </small>
      </label>
      <label className="field">
        <span>Publisher</span>
        <input
          name="publisher"
          maxLength={200}
          defaultValue={values.publisher}
          aria-invalid={invalid('publisher')}
        />
      </label>
      <div className={styles.row}>
        <label className="field">
          <span>Published</span>
          <input
            type="date"
            name="publishedOn"
            defaultValue={values.publishedOn ?? ''}
            aria-invalid={invalid('publishedOn')}
          />
        </label>
        <label className="field">
          <span>Read online on</span>
          <input
            type="date"
            name="accessedOn"
            defaultValue={values.accessedOn ?? ''}
            aria-invalid={invalid('accessedOn')}
          />
        </label>
      </div>
      <label className="field">
        <span>Web address</span>
        <input
          type="url"
          name="url"
          maxLength={2000}
          defaultValue={values.url ?? ''}
          aria-invalid={invalid('url')}
        />
      </label>
      <label className="field">
        <span>Side</span>
        <select name="side" defaultValue={values.side}>
          {SIDES.map((s) => (
            <option key={s} value={s}>
              {SIDE_NAMES[s]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** The details as the server takes them, read from a form holding these fields. */
export function detailsOf(data: FormData) {
  const text = (name: string) => String(data.get(name) ?? '');
  return {
    title: text('title'),
    author: text('author'),
    qualifications: text('qualifications'),
    publisher: text('publisher'),
    publishedOn: text('publishedOn'),
    url: text('url').trim(),
    accessedOn: text('accessedOn'),
    side: text('side'),
  };
}
