/** どの画面サイズでも使うコンソールの枠と、一覧のページ送り・検索。 */
export default {
  skipToMain: 'メインコンテンツへスキップ',
  openNavigation: 'ナビゲーションを開く',
  documentTitle: '{{page}} · {{console}}',
  pager: {
    label: 'ページ',
    previous: '前のページ',
    next: '次のページ',
    pageSize: '1 ページの表示件数',
    page: '{{page, number}} ページ',
  },
  search: {
    functions: '関数名のプレフィックスで検索',
    placeholder: '関数名のプレフィックス',
    submit: '検索',
    clear: '検索をクリア',
    noMatch: '「{{prefix}}」で始まる関数名はありません。',
  },
};
