/** A passage selected in the reader, as offsets into its source's text (UTF-16 code units). */
export type QuoteSelection = { sourceId: string; start: number; end: number; text: string };

/** A passage a team highlighted or noted, drawn underlined in the team's colour. */
export type TeamPassage = {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  /** The team's name. */
  team: string;
  /** The team's colour. */
  color: string;
  /** The note; empty for a highlight. */
  body: string;
};
