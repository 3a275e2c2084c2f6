// The streamed run's quick CSV reader: the cells papaparse reads, or nothing (and papaparse then
// reads the chunk and names its problems).

import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../node/cli/csv-rows.js';

describe('csvRows', () => {
  it('splits plain lines at the delimiter, reads quoted cells in place and stops after the records asked for', () => {
    const text = 'SV0001,许桐芳,"2,266,926",9.3%\nSV0002,"吴""艳""桐",,"1.2万"\n';
    expect(csvRows(text, ',', '\n', 2)).toEqual([
      ['SV0001', '许桐芳', '2,266,926', '9.3%'],
      ['SV0002', '吴"艳"桐', '', '1.2万'],
    ]);
  });

  it('reads a last line without a line break, an empty line and an empty quoted cell', () => {
    expect(csvRows('a;b\r\n\r\n"";c', ';', '\r\n', 3)).toEqual([['a', 'b'], [''], ['', 'c']]);
  });

  it('ends lines only at the run line break: a bare LF in a CRLF file is part of the cell', () => {
    expect(csvRows('a\nb,c\r\nd', ',', '\r\n', 2)).toEqual([['a\nb', 'c'], ['d']]);
  });

  it.each([
    ['a quote inside a plain cell', 'ab"c,d\n'],
    ['text after a closing quote', '"ab"c,d\n'],
    ['a space after a closing quote', '"ab" ,d\n'],
    ['a line break inside quotes', '"a\nb",c\n'],
    ['a quote left open', 'a,"bc\n'],
  ])('leaves %s to papaparse', (_, text) => {
    expect(csvRows(text, ',', '\n', 1)).toBeUndefined();
  });

  it('reads any text to the cells papaparse reads without error, or leaves it to papaparse', () => {
    const text = fc
      .array(fc.constantFrom('a', '万', ',', '"', '""', '\n', '\r\n', '\r', ' ', '1'), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), (t, newline) => {
        const quick = csvRows(t, ',', newline, Number.MAX_SAFE_INTEGER);
        if (quick === undefined) return;
        const parsed = Papa.parse<string[]>(t, { delimiter: ',', newline, skipEmptyLines: false });
        expect(parsed.errors).toEqual([]);
        expect(quick).toEqual(parsed.data);
      }),
      { numRuns: 30_000 },
    );
  });
});
