import styles from './icons.module.css';

/*
 * Small inline SVG icons in the current text colour and size. Icons are
 * drawn, never typed as emoji or symbol characters: classroom machines often
 * have no emoji font, and a missing glyph shows as an empty box. An icon is
 * hidden from assistive technology unless given a `label`; the control or
 * text next to it says what it means.
 */

type IconProps = { label?: string; className?: string };

function Icon({ label, className, children }: IconProps & { children: React.ReactNode }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      className={className ? `${styles.icon} ${className}` : styles.icon}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {children}
    </svg>
  );
}

/** A speech bubble: discussion threads. */
/** A small map in a frame: the canvas's overview. */
export function OverviewIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" />
      <rect x="8" y="8" width="4.5" height="3.5" />
    </Icon>
  );
}

export function CommentIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M2.5 3h11v7.5H7.5L4.5 13v-2.5h-2z" />
    </Icon>
  );
}

/** A filled star: one point of a rating. */
export function StarIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path
        d="M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z"
        fill="currentColor"
        strokeWidth={1}
      />
    </Icon>
  );
}

/** A pencil: a written note. */
export function NoteIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M10.5 2.5l3 3-7.5 7.5-3.5.5.5-3.5z M9 4l3 3" />
    </Icon>
  );
}

/** An opening quotation mark: a card quoting a source. */
export function QuoteIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path
        d="M6.8 4C4.6 4.8 3 6.6 3 9.3V12h3.6V8.5H4.7C4.9 7 5.7 6 7.2 5.3z M13 4c-2.2.8-3.8 2.6-3.8 5.3V12h3.6V8.5h-1.9c.2-1.5 1-2.5 2.5-3.2z"
        fill="currentColor"
        stroke="none"
      />
    </Icon>
  );
}

/** A letter U over a line: underline words. */
export function UnderlineIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4.5 2.5v4.5a3.5 3.5 0 007 0V2.5M3 14h10" />
    </Icon>
  );
}

/** A highlighter's tip over a stroke: highlight words. */
export function HighlightIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M9.5 2.5l3 3-5 5H4.5v-3z M3 14h10" />
    </Icon>
  );
}

/** A chevron pointing right (folded) or down (open). */
export function ChevronIcon({ open, ...props }: IconProps & { open: boolean }) {
  return <Icon {...props}>{open ? <path d="M4 6l4 4 4-4" /> : <path d="M6 4l4 4-4 4" />}</Icon>;
}

/** A cross: close or dismiss. */
export function CloseIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Icon>
  );
}

/** A tick: done, saved. */
export function CheckIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M3 8.5l3.2 3L13 4.5" />
    </Icon>
  );
}

/** An arrow pointing left: back to where the reader came from. */
export function BackIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M13 8H3M7 4L3 8l4 4" />
    </Icon>
  );
}

/** Counterpoint's mark: one line standing on another (the "perpendicular" sign). */
export function LogoMark(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M8 2.5v10M2.5 13h11" strokeWidth={2} />
    </Icon>
  );
}

/** A flag on a pole: a card someone flagged for a moderator. */
export function FlagIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M4 14V2.5M4 3h7.5l-1.8 2.7L11.5 8.5H4" />
    </Icon>
  );
}

/** A mask: an anonymous map, where classmates appear as pseudonyms. */
export function MaskIcon(props: IconProps) {
  return (
    <Icon {...props}>
      <path d="M1.5 4.5c2-1 4.3-1 6.5 0 2.2-1 4.5-1 6.5 0 0 4-1.8 6.5-4 6.5-1.2 0-1.8-1-2.5-1s-1.3 1-2.5 1c-2.2 0-4-2.5-4-6.5z" />
      <path d="M4 7h2 M10 7h2" />
    </Icon>
  );
}
