import { textColourOn } from '@/lib/domain/tags';
import { CloseIcon } from '../ui/icons';
import styles from './tag-chips.module.css';

type Chip = { tag: string; colour: string | null };

/**
 * A card's tags as small chips: in the map's colour for the tag (with black
 * or white text, whichever reads better on it), else neutral. A long tag is
 * cut with an ellipsis and shown whole in its title. With `onRemove`, each
 * chip has a remove button named after its tag.
 */
export function TagChips({
  tags,
  onRemove,
  className,
}: {
  tags: readonly Chip[];
  onRemove?: (tag: string) => void;
  className?: string;
}) {
  if (tags.length === 0) return null;
  return (
    <ul className={className ? `${styles.chips} ${className}` : styles.chips} aria-label="Tags">
      {tags.map(({ tag, colour }) => (
        <li
          key={tag}
          className={styles.chip}
          style={colour ? { background: colour, color: textColourOn(colour) } : undefined}
          data-coloured={colour ? '' : undefined}
        >
          <span className={styles.label} title={tag}>
            {tag}
          </span>
          {onRemove && (
            <button
              type="button"
              className={styles.remove}
              aria-label={`Remove tag ${tag}`}
              onClick={() => onRemove(tag)}
            >
              <CloseIcon />
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
