/** The bench's parts; `--only async,proxy` runs just those (while working on one of them). */
export const SECTIONS = ['web', 'warm', 'cold', 'async', 'proxy', 'recording'] as const;
export type Section = (typeof SECTIONS)[number];

export function parseSections(argv: string[]): Set<Section> {
  const flag = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (flag < 0) return new Set(SECTIONS);
  const value = argv[flag]!.includes('=') ? argv[flag]!.split('=')[1]! : (argv[flag + 1] ?? '');
  const asked = value.split(',').filter(Boolean);
  const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length || !asked.length)
    throw new Error(`--only takes a comma-separated list of ${SECTIONS.join(', ')}; got "${value}".`);
  return new Set(asked as Section[]);
}
