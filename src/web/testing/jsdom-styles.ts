/**
 * jsdom computes an element's style by matching every rule of every sheet against it and each of
 * its ancestors (for inherited properties), on every call, and an MUI page carries about a thousand
 * rules: `getByRole` (visibility, accessible names) and user-event (pointer-events) spent half of the
 * web tests' time in `getComputedStyle`. Only jsdom, only tests.
 */

/**
 * The properties anything in the tests reads from a computed style: testing-library and
 * dom-accessibility-api (display, visibility), jest-dom's `toBeVisible` (opacity too), user-event (pointer-events), and the tests' own
 * `toHaveStyle` / `getComputedStyle` (the rest). A test reading another one adds it here.
 */
const READ_PROPERTIES =
  /(?:^|[{;])\s*(?:display|visibility|opacity|pointer-events|text-transform|overflow|text-overflow|white-space)\s*:/;

/**
 * Emotion (in development, as in tests) writes each rule as the text of a <style data-emotion>
 * of its own: a rule setting none of the properties read is left out of the document.
 */
export function keepOnlyReadStyleRules(window: Window & typeof globalThis): void {
  const append = window.Node.prototype.appendChild;
  window.HTMLStyleElement.prototype.appendChild = function <T extends Node>(this: HTMLStyleElement, child: T): T {
    if (this.hasAttribute('data-emotion') && child instanceof window.Text && !READ_PROPERTIES.test(child.data))
      child.data = '';
    return append.call(this, child) as T;
  };
}
