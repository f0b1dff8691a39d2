/** Paging and search of a function's versions, aliases and async tasks; the version/alias and region selectors. */
export default {
  pager: { versions: 'Version pages', aliases: 'Alias pages' },
  tasks: {
    search: 'Search by task ID prefix',
    placeholder: 'Task ID prefix',
    noMatch: 'No async task ID starts with “{{prefix}}”.',
  },
  qualifier: {
    searchStopped: 'No version or alias matches “{{term}}” among the {{count}} loaded so far.',
    searchFurther: 'Search further',
    searchFurtherHint: 'Press Enter to search further.',
    noMatch: 'No version or alias matches.',
    label: 'Version or alias',
    version: 'Version {{id}}',
    alias: 'Alias {{name}} (version {{version}})',
    readOnly:
      'You are viewing {{qualifier}}: a published version cannot be changed. Choose LATEST to modify the function.',
    deployDisabled: 'The code of {{qualifier}} is published and cannot be changed: choose LATEST to deploy.',
  },
  region: {
    label: 'Region',
    localOnly:
      'The local engine serves one region, {{region}}. Start the console with FC_REGION and FC_ACCOUNT_ID to use Alibaba Cloud.',
    ignored: 'The link’s region “{{asked}}” is not one of Function Compute’s regions: showing {{region}}.',
    ignoredLocal:
      'The local engine serves one region, {{region}}: the link’s region “{{asked}}” is not available here.',
  },
};
