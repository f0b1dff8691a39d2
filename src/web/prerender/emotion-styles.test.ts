import { describe, expect, it } from 'vitest';
import { collectEmotionStyles } from './emotion-styles';

const tag = (id: string, css: string) => `<style data-emotion="${id}">${css}</style>`;
/** As emotion's browser side finds a tag it need not move into the head. */
const adopted = (id: string, css: string) => `<style data-emotion="${id}" data-s="">${css}</style>`;

describe('the first page’s styles gathered for index.html', () => {
  it('keeps each class once, in order of first use, in one tag emotion marks as inserted', () => {
    const views = [
      `${tag('css abc', '.css-abc{color:red;}')}<div class="css-abc"></div>${tag('css def', '.css-def{margin:0;}')}`,
      `${tag('css def', '.css-def{margin:0;}')}<p class="css-def"></p>${tag('css ghi', '.css-ghi{padding:0;}')}`,
    ];
    expect(collectEmotionStyles(views)).toBe(
      adopted('css abc def ghi', '.css-abc{color:red;}.css-def{margin:0;}.css-ghi{padding:0;}'),
    );
  });

  it('keeps a global style (CssBaseline) in a tag of its own, named as its Global looks it up', () => {
    const views = [`${tag('css-global x1', 'body{margin:0;}')}${tag('css abc', '.css-abc{color:red;}')}`];
    expect(collectEmotionStyles(views)).toBe(
      adopted('css-global x1', 'body{margin:0;}') + adopted('css abc', '.css-abc{color:red;}'),
    );
  });

  it('gives nothing for markup without emotion’s tags', () => {
    expect(collectEmotionStyles(['<div>plain</div>'])).toBe('');
  });
});
