import { RELATION_LABELS, RELATIONS, type Relation } from '@/lib/domain/types';

/** A labelled choice of relation (supports, attacks, undercuts, rephrases, contradicts), for the toolbar and the connect dialog. */
export function RelationSelect({
  label,
  value,
  onChange,
  className = 'field',
  disabled = false,
}: {
  label: string;
  value: Relation;
  onChange: (relation: Relation) => void;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <label className={className}>
      <span>{label}</span>
      <select
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as Relation)}
      >
        {RELATIONS.map((r) => (
          <option key={r} value={r}>
            {RELATION_LABELS[r]}
          </option>
        ))}
      </select>
    </label>
  );
}
