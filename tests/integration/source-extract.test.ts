import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pageAt, pageRange } from '@/lib/domain/evidence/pages';
import type { SourceDraft } from '@/lib/domain/evidence/source-draft';
import { MAX_SOURCE_CHARS } from '@/lib/domain/types';
import { AppError } from '@/lib/server/errors';
import { MAX_READS } from '@/lib/server/sources/off-thread';
import { extractPdf } from '@/lib/server/sources/pdf';
import { readSourceFile, readSourceHtml } from '@/lib/server/sources/read-source';
import { imagePdf, textPdf } from '../support/minimal-pdf';

/**
 * Reading files into a source draft: the fixtures in tests/fixtures/sources
 * (see its README). No database: the readers are part of the upload route.
 */

const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(import.meta.dirname, '../fixtures/sources', name)));

const read = (name: string, bytes: Uint8Array = fixture(name)) => readSourceFile({ name, bytes });

/** The AppError `promise` is refused with. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The page (by pageAt) where `sentence` begins in the draft's text. */
function pageOf(draft: SourceDraft, sentence: string): string | null {
  const at = draft.text.indexOf(sentence);
  expect(at, `“${sentence}” is in the text`).toBeGreaterThanOrEqual(0);
  return pageAt(draft, at);
}

/** An 8×8 black PNG. */
function png(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header[8] = 8;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.alloc(8 * 9))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

describe('a PDF with a text layer', () => {
  it('reads its text, page by page, with its title, authors and date', async () => {
    const draft = await read('report.pdf');
    expect(draft.format).toBe('PDF');
    expect(draft.fileName).toBe('report.pdf');
    expect(draft.title).toBe('School Uniforms and Student Outcomes');
    expect(draft.author).toBe('Ada Lindqvist; Tomas Ferreira');
    expect(draft.publishedOn).toBe('2021-03-15');
    expect(draft.pageStarts).toHaveLength(3);
    expect(draft.pageStarts[0]).toBe(0);
    expect(draft.pageLabels).toEqual([]);
    expect(draft.warnings).toEqual([]);
    expect(pageOf(draft, 'The first page argues that uniforms')).toBe('1');
    expect(pageOf(draft, 'The second page says that a full set')).toBe('2');
    expect(pageOf(draft, 'Schools that ran a swap shop')).toBe('2');
    expect(pageOf(draft, 'The third page concludes that the evidence')).toBe('3');
    const across = draft.text.indexOf('Schools that ran');
    expect(pageRange(draft, across, draft.text.indexOf('Further studies'))).toBe('2–3');
  });

  it('keeps paragraphs apart and joins a word hyphenated at a line end', async () => {
    const draft = await read('report.pdf');
    expect(draft.text).toContain('the negotiation');
    expect(draft.text).not.toContain('nego-');
    expect(draft.text).toContain('second-hand');
    expect(draft.text).toContain(
      'A survey of twelve schools found that attendance rose by four percent in the year',
    );
    expect(draft.text).toMatch(/public domain\.\n\nThe first page/);
    expect(draft.text).toContain('half.\n\nConclusions\n\nThe third page');
    expect(draft.text).not.toMatch(/ {2}/);
  });

  it('keeps the printed page labels, and names pages without text in a warning', async () => {
    const bytes = textPdf(
      [['Preface text on page one.'], [], ['Chapter text on page three.'], ['More text.']],
      { labels: '0 << /S /r >> 2 << /S /D >>', fields: { Title: 'Labelled' } },
    );
    const draft = await read('labelled.pdf', new Uint8Array(bytes));
    expect(draft.pageLabels).toEqual(['i', 'ii', '1', '2']);
    expect(pageOf(draft, 'Chapter text')).toBe('1');
    expect(pageOf(draft, 'Preface text')).toBe('i');
    expect(draft.warnings).toEqual([expect.stringMatching(/^Page ii has no text/)]);
  });

  it('prefers the XMP title and creators to the info dictionary', async () => {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Rights of the Child</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Amara Diallo</rdf:li><rdf:li>Jun Watanabe</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
    const bytes = textPdf([['Some text.']], {
      xmp,
      fields: { Title: 'Microsoft Word - draft3.docx', Author: 'admin' },
    });
    const draft = await read('rights.pdf', new Uint8Array(bytes));
    expect(draft.title).toBe('Rights of the Child');
    expect(draft.author).toBe('Amara Diallo; Jun Watanabe');

    const office = await read(
      'draft.pdf',
      new Uint8Array(textPdf([['Text.']], { fields: { Title: 'Microsoft Word - Plan.docx' } })),
    );
    expect(office.title).toBe('Plan');
    const untitled = await read('Field notes.pdf', new Uint8Array(textPdf([['Text.']])));
    expect(untitled).toMatchObject({ title: 'Field notes', author: '', publishedOn: null });
  });

  it('is read in a worker thread, and a read that runs too long is cut off', async () => {
    const bytes = fixture('report.pdf');
    const read = await extractPdf(bytes, 'report.pdf');
    expect(read.threadId).not.toBe(threadId);
    expect(read.pages).toHaveLength(3);
    const slow = await refusal(extractPdf(bytes, 'report.pdf', { ms: 5, heapMb: 256 }));
    expect(slow.code).toBe('UNPROCESSABLE');
    expect(slow.message).toBe(
      '“report.pdf” took too long to read, or needed too much memory. Try a smaller PDF, or paste the text instead.',
    );
  });
});

describe('many files at once', () => {
  it('reads a few at a time and refuses reads past the queue, asking to try again', async () => {
    const { running, waiting } = MAX_READS;
    const bytes = fixture('report.pdf');
    const outcomes = await Promise.allSettled(
      Array.from({ length: running + waiting + 2 }, () => extractPdf(bytes, 'report.pdf')),
    );
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(running + waiting);
    expect(refused).toHaveLength(2);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('RATE_LIMITED');
    }
  });
});

describe('PDFs that cannot be read', () => {
  it('refuses a scan without a text layer, saying what to do', async () => {
    const error = await refusal(read('scan.pdf'));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toBe(
      '“scan.pdf” has no text layer: it looks like a scanned image. Run it through OCR (for example “Make searchable” in your PDF app) or paste the text instead.',
    );
  });

  it('refuses a PDF cut off on its way', async () => {
    const whole = fixture('report.pdf');
    const error = await refusal(read('report.pdf', whole.subarray(0, whole.length / 3)));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toMatch(/^“report\.pdf” is not a whole PDF/);
  });

  it('refuses a PDF locked with a password, saying how to unlock it', async () => {
    const error = await refusal(read('locked.pdf'));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toBe(
      '“locked.pdf” is protected by a password. Open it, save a copy without the password, and upload that, or paste the text instead.',
    );
  });

  it('refuses a PDF with more text than a source can hold', async () => {
    const line = 'Filler text for a long report, repeated to pass the limit of a source.';
    const pages = Array.from({ length: Math.ceil(MAX_SOURCE_CHARS / (40 * line.length)) + 1 }, () =>
      Array.from({ length: 40 }, () => line),
    );
    const error = await refusal(read('long.pdf', new Uint8Array(textPdf(pages))));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toMatch(
      /^“long\.pdf” has more text \([\d,]+ characters\) than a source can hold \(200,000 characters\)/,
    );
  });

  it('refuses a PDF with too many pages', async () => {
    const bytes = textPdf(Array.from({ length: 301 }, (_, i) => [`Page ${i + 1}.`]));
    const error = await refusal(read('long.pdf', new Uint8Array(bytes)));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toMatch(/has 301 pages; a source can have at most 300/);
  });

  it('says a scan is a scan even when made by another program', async () => {
    const error = await refusal(read('photo.pdf', new Uint8Array(imagePdf(Buffer.from(png())))));
    expect(error.message).toMatch(/has no text layer/);
  });
});

describe('a Word document', () => {
  it('reads its headings and paragraphs, with its title, creator and date', async () => {
    const draft = await read('essay.docx');
    expect(draft.format).toBe('DOCX');
    expect(draft.title).toBe('Homework Bans in Primary Schools');
    expect(draft.author).toBe('Grace Okafor');
    expect(draft.publishedOn).toBe('2022-09-01');
    expect(draft.pageStarts).toEqual([]);
    expect(draft.text).toMatch(/^Homework Bans in Primary Schools\n\nThis essay was written/);
    expect(draft.text).toContain('\n\nWhat the ban changed\n\nPupils in schools without homework');
    expect(draft.text).toContain(
      'Teachers reported fewer arguments about late work.\n\nParents reported calmer evenings.\n\n',
    );
    expect(draft.text).toContain('Test scores at the end of the year were no different');
  });

  it('is told from its bytes, whatever its name', async () => {
    const draft = await read('essay.pdf', fixture('essay.docx'));
    expect(draft.format).toBe('DOCX');
  });

  it('refuses a damaged one', async () => {
    const whole = fixture('essay.docx');
    const error = await refusal(read('essay.docx', whole.subarray(0, whole.length / 2)));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toMatch(/^“essay\.docx” could not be read: it seems to be damaged/);
  });
});

describe('a web page', () => {
  it('keeps the article and leaves out the banner, navigation, sidebar and footer', async () => {
    const draft = await read('article.html');
    expect(draft.format).toBe('HTML');
    expect(draft.text).toContain(
      'Districts in rural areas moved to four-day weeks mainly to save on transport',
    );
    expect(draft.text).toContain('\n\nWhat teachers say\n\nTeachers said the longer weekend');
    for (const chrome of [
      'cookies',
      'Home page of the Gazette',
      'newsletter',
      'Most read',
      'Copyright',
      'Script text',
    ])
      expect(draft.text).not.toContain(chrome);
  });

  it('reads the citation and Open Graph metadata', async () => {
    const draft = await read('article.html');
    expect(draft.title).toBe('Do Four-Day School Weeks Help Pupils?');
    expect(draft.author).toBe('Mbeki, Thandiwe; Laurent, Paul');
    expect(draft.publisher).toBe('The Fixture Gazette');
    expect(draft.publishedOn).toBe('2023-05-17');
    expect(draft.url).toBe('https://gazette.example/education/four-day-weeks?ref=canonical');
  });

  it('reads pasted HTML the same way, falling back on the page when there is no article', async () => {
    const pasted = await readSourceHtml(
      new TextDecoder().decode(fixture('article.html')),
      'https://elsewhere.example/a',
    );
    expect(pasted.fileName).toBeNull();
    expect(pasted.text).toContain('Several teachers added that the fifth day');
    expect(pasted.url).toBe('https://gazette.example/education/four-day-weeks?ref=canonical');

    const bare = await readSourceHtml(
      '<div class="Cookie-Notice">We use cookies.</div><nav>Menu</nav><p>Only a line of text.</p><footer>Footer</footer>',
      'https://short.example/',
    );
    expect(bare.text).toBe('Only a line of text.');
    expect(bare.title).toBe('');
    expect(bare.url).toBe('https://short.example/');
  });
});

describe('text files', () => {
  it('reads plain text and Markdown as written, with Windows line ends made plain', async () => {
    const text = await read(
      'notes.txt',
      new TextEncoder().encode('  Line one\r\nLine two\r\n\r\n'),
    );
    expect(text).toMatchObject({ format: 'TEXT', text: 'Line one\nLine two', title: 'notes' });
    const md = await read('notes.md', new TextEncoder().encode('# Heading\n\n*Some* text.\n'));
    expect(md).toMatchObject({ format: 'MARKDOWN', text: '# Heading\n\n*Some* text.' });
  });

  it('reads UTF-16 text with a byte order mark (Notepad’s “Unicode”)', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Grüße, “quoted”.', 'utf16le'),
    ]);
    expect((await read('notepad.txt', new Uint8Array(utf16))).text).toBe('Grüße, “quoted”.');
  });

  it('composes characters and drops control characters', async () => {
    const draft = await read(
      'odd.txt',
      new TextEncoder().encode('Cafe\u0301 \u0007bell\u001b tab\there'),
    );
    expect(draft.text).toBe('Caf\u00e9 bell tab\there');
  });

  it('refuses a text longer than a source can hold', async () => {
    const long = new TextEncoder().encode('a'.repeat(MAX_SOURCE_CHARS + 1));
    const error = await refusal(read('long.txt', long));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toContain('200,000 characters');
  });

  it('refuses an empty file', async () => {
    const error = await refusal(read('empty.txt', new TextEncoder().encode(' \n\t\n')));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toBe(
      '“empty.txt” has no text in it. Check that it is the right file, or paste the text instead.',
    );
  });
});

describe('files that are not sources', () => {
  it('refuses an image, naming it, even with a source’s name', async () => {
    const error = await refusal(read('x.pdf', png()));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.message).toBe(
      '“x.pdf” is an image, not a PDF, Word (.docx), web page (.html) or text file.',
    );
  });

  it('refuses a program and random bytes', async () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...randomBytes(200)]);
    expect((await refusal(read('tool.txt', elf))).message).toMatch(
      /^“tool\.txt” is a program, not a PDF/,
    );
    const noise = new Uint8Array(randomBytes(4096));
    noise[0] = 0x00; // never valid text, whatever the rest
    const error = await refusal(read('noise.txt', noise));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.message).toMatch(
      /^“noise\.txt” is not a PDF, Word \(\.docx\), web page \(\.html\) or text file\./,
    );
  });

  it('names other Office files', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await refusal(read('old.doc', ole))).message).toMatch(
      /^“old\.doc” is an older Microsoft Office file/,
    );
  });
});
