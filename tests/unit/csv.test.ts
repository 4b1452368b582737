import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '@/lib/util/csv';

describe('CSV for spreadsheets', () => {
  it('quotes cells with commas, quotes, line breaks or edge spaces, doubling the quotes', () => {
    expect(csvCell('Amira')).toBe('Amira');
    expect(csvCell('Okafor, Amira')).toBe('"Okafor, Amira"');
    expect(csvCell('She said "no"')).toBe('"She said ""no"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
  });

  it('keeps a spreadsheet from reading text as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.test","x")')).toBe(
      `"'=HYPERLINK(""http://evil.test"",""x"")"`,
    );
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    // A number is a number, even a negative one.
    expect(csvCell(-2)).toBe('-2');
  });

  it('writes rows with CRLF line ends', () => {
    expect(
      toCsv([
        ['a', 'b'],
        [1, 'c,d'],
      ]),
    ).toBe('a,b\r\n1,"c,d"\r\n');
  });
});
