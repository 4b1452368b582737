import 'server-only';
import { AppError } from '../errors';

/** What a source can be read from, as the refusals name it. */
const READABLE = 'a PDF, Word (.docx), web page (.html) or text file';

/**
 * The refusal for a file that is something else: “x.png” is an image, not
 * a PDF, Word (.docx), web page (.html) or text file (or, with no `what`:
 * “x.bin” is not a PDF, …). `advice` says what to
 * do instead, when there is something.
 */
export function notReadable(fileName: string, what: string | null, advice = ''): AppError {
  const is = what ? `is ${what}, not` : 'is not';
  return new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `“${fileName}” ${is} ${READABLE}.${advice ? ` ${advice}` : ''}`,
  );
}

export const SAVE_AS = 'Save it as a PDF or a Word (.docx) file, or paste the text instead.';
