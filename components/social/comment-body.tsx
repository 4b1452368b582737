import type { Person } from './comment-form';
import styles from './thread.module.css';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A comment's text with its @mentions highlighted. Bodies are always text,
 * never HTML (React escapes them), and mentions are not links.
 */
export function CommentBody({ text, mentioned }: { text: string; mentioned: readonly Person[] }) {
  // The names of the people mentioned (longest first, so "@Ana Lopez" wins over "@Ana"), else any @word.
  const names = [...mentioned].map((p) => escapeRegExp(p.name)).sort((a, b) => b.length - a.length);
  const pattern = names.length
    ? new RegExp(`(@(?:${names.join('|')}))`, 'u')
    : /(@[\p{L}\p{N}_.-]+)/u;
  const parts = text.split(pattern);
  return (
    <p className={styles.body}>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className={styles.mention}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </p>
  );
}
