import { ActionForm } from '@/components/ui/action-form';
import { CitationText } from '@/components/ui/citation-text';
import page from '@/components/ui/page.module.css';
import {
  CITATION_STYLE_LABELS,
  CITATION_STYLES,
  type CitationStyle,
  type CitedSource,
} from '@/lib/domain/evidence/citation';
import type { FormAction } from '@/lib/domain/form-state';
import styles from './citation-style-section.module.css';

type Props = {
  classroomId: string;
  teaches: boolean;
  citationStyle: CitationStyle;
  action: FormAction;
};

/** The article every example cites, short enough for one line. */
const EXAMPLE: CitedSource = {
  title: 'Why Alliances Fail',
  author: 'Doe, Jane',
  qualifications: 'Professor of Politics',
  publisher: 'Example Press',
  publishedOn: '2020-11-04',
  url: null,
};

/**
 * The classroom page's "Citation style": how the class's sources are cited
 * in the reader, on evidence and in exports. The teacher chooses; students
 * see which one the class uses.
 */
export function CitationStyleSection({ classroomId, teaches, citationStyle, action }: Props) {
  return (
    <section aria-labelledby="citation-title" className={page.section}>
      <h2 id="citation-title" className={page.sectionTitle}>
        Citation style
      </h2>
      {teaches ? (
        <ActionForm
          action={action}
          submitLabel="Save citation style"
          pendingLabel="Saving…"
          label="Citation style"
          keepValues
        >
          <input type="hidden" name="classroomId" value={classroomId} />
          <label className="field">
            How the class cites its sources
            <select
              name="citationStyle"
              defaultValue={citationStyle}
              aria-describedby="citation-examples"
            >
              {CITATION_STYLES.map((style) => (
                <option key={style} value={style}>
                  {CITATION_STYLE_LABELS[style]}
                </option>
              ))}
            </select>
          </label>
          <ul id="citation-examples" className={styles.examples} aria-label="Examples">
            {CITATION_STYLES.map((style) => (
              <li key={style}>
                <span className={styles.name}>{CITATION_STYLE_LABELS[style]}:</span>{' '}
                <CitationText citationStyle={style} source={EXAMPLE} />
              </li>
            ))}
          </ul>
        </ActionForm>
      ) : (
        <p>
          This class cites sources in the {CITATION_STYLE_LABELS[citationStyle]} style:{' '}
          <CitationText citationStyle={citationStyle} source={EXAMPLE} />
        </p>
      )}
    </section>
  );
}
