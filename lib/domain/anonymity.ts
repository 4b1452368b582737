/**
 * Anonymous mode on a map, as a reader's page is told of it. Once on it
 * stays on: classmates appear to each other as "Student N"; the map's
 * teachers see names.
 */
export type Anonymity = {
  /** When it was turned on (ISO). */
  since: string;
  /** The reader teaches on the map and sees real names, with the pseudonym beside them. */
  seesNames: boolean;
  /** How the reader appears to classmates ("Student 7"), or null (a teacher, a link visitor). */
  youAppearAs: string | null;
};
