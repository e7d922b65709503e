import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes what needs quoting, keeps empty cells and defuses spreadsheet formulas', () => {
    expect(
      toCsv(
        ['Title', 'Seats', 'Note'],
        [
          ['Smart city, Anyang', 30, null],
          ['He said "hello"', 0, 'line\nbreak'],
          ['=HYPERLINK("x")', -1, '@me'],
        ],
      ),
    ).toBe(
      'Title,Seats,Note\r\n"Smart city, Anyang",30,\r\n"He said ""hello""",0,"line\nbreak"\r\n"\'=HYPERLINK(""x"")",\'-1,\'@me',
    );
  });
});
