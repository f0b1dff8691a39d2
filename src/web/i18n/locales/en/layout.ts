/** The console's frame at every size, and the paging and search of its lists. */
export default {
  skipToMain: 'Skip to main content',
  openNavigation: 'Open navigation',
  documentTitle: '{{page}} · {{console}}',
  pager: {
    label: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
    pageSize: 'Rows per page',
    page: 'Page {{page, number}}',
  },
  search: {
    functions: 'Search by function name prefix',
    placeholder: 'Function name prefix',
    submit: 'Search',
    clear: 'Clear search',
    noMatch: 'No function name starts with “{{prefix}}”.',
  },
};
