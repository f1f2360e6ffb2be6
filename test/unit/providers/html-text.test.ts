import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml } from '../../../src/background/providers/html-text.ts';

describe('htmlToText', () => {
  it('reduces an Outlook HTML body to its text, one line per block', () => {
    const body =
      '<html><head><meta charset="utf-8"><style>p{margin:0}</style></head><body>' +
      '<div>Agenda:&nbsp;<b>milestones</b></div><ul><li>risks</li><li>next&nbsp;steps</li></ul><p>Fish &amp; chips &lt;3</p></body></html>';
    expect(htmlToText(body)).toBe('Agenda: milestones\nrisks\nnext steps\nFish & chips <3');
  });

  it('decodes numeric entities and drops scripts and comments', () => {
    expect(htmlToText('Caf&#233; &#x2615;<script>alert(1)</script><!-- hidden -->')).toBe('Café ☕');
  });

  it('normalises line endings and spaces', () => {
    expect(htmlToText('  line one\r\nline   two  ')).toBe('line one\nline two');
  });

  it('tells HTML from text', () => {
    expect(looksLikeHtml('<p>x</p>')).toBe(true);
    expect(looksLikeHtml('Tom &amp; Jerry')).toBe(true);
    expect(looksLikeHtml('2 < 3 and 5 > 4')).toBe(false);
  });
});
