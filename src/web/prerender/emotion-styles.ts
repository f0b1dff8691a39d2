/**
 * emotion's server output, gathered into the tags its browser side adopts: `<style data-emotion="css
 * a b">` marks classes a and b as inserted (the first render then skips compiling and inserting them),
 * `<style data-emotion="css-global g">` is adopted by the Global of that name (CssBaseline). `data-s`
 * says a tag is already in the head: emotion would otherwise move it there, and Chromium parses a
 * moved stylesheet again (on a slow phone a long part of the script's first task).
 */
const STYLE_TAG = /<style data-emotion="([\w-]+) ([^"]+)"[^>]*>([\s\S]*?)<\/style>/g;

export function collectEmotionStyles(markups: string[]): string {
  const classes = new Map<string, string>();
  const globals = new Map<string, string>();
  for (const markup of markups) {
    for (const [, key, names, css] of markup.matchAll(STYLE_TAG)) {
      if (!key || !names || css === undefined) continue;
      if (key.endsWith('-global')) globals.set(`${key} ${names}`, css);
      else for (const name of names.split(' ')) if (!classes.has(`${key} ${name}`)) classes.set(`${key} ${name}`, css);
    }
  }
  const tags = [...globals].map(([id, css]) => `<style data-emotion="${id}" data-s="">${css}</style>`);
  const byKey = new Map<string, { names: string[]; css: string[] }>();
  for (const [id, css] of classes) {
    const [key = '', name = ''] = id.split(' ');
    const entry = byKey.get(key) ?? { names: [], css: [] };
    entry.names.push(name);
    entry.css.push(css);
    byKey.set(key, entry);
  }
  for (const [key, { names, css }] of byKey)
    tags.push(`<style data-emotion="${key} ${names.join(' ')}" data-s="">${css.join('')}</style>`);
  return tags.join('');
}
