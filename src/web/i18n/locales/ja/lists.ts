/** 関数のバージョン・エイリアス・非同期タスクのページ送りと検索、バージョン/エイリアスとリージョンの選択。 */
export default {
  pager: { versions: 'バージョンのページ', aliases: 'エイリアスのページ' },
  tasks: {
    search: 'タスク ID のプレフィックスで検索',
    placeholder: 'タスク ID のプレフィックス',
    noMatch: '「{{prefix}}」で始まる非同期タスク ID はありません。',
  },
  qualifier: {
    searchStopped: 'これまでに読み込んだ {{count}} 件に「{{term}}」に一致するバージョンやエイリアスはありません。',
    searchFurther: 'さらに検索',
    searchFurtherHint: 'Enter キーでさらに検索します。',
    noMatch: '一致するバージョンやエイリアスはありません。',
    label: 'バージョンまたはエイリアス',
    version: 'バージョン {{id}}',
    alias: 'エイリアス {{name}} (バージョン {{version}})',
    readOnly:
      '{{qualifier}} を表示しています。公開済みのバージョンは変更できません。関数を変更するには LATEST を選択してください。',
    deployDisabled:
      '{{qualifier}} のコードは公開済みのため変更できません。デプロイするには LATEST を選択してください。',
  },
  region: {
    label: 'リージョン',
    localOnly:
      'ローカルエンジンが提供するリージョンは {{region}} のみです。Alibaba Cloud を使うには FC_REGION と FC_ACCOUNT_ID を指定してコンソールを起動してください。',
    ignored:
      'リンクのリージョン「{{asked}}」は Function Compute のリージョンではありません。{{region}} を表示しています。',
    ignoredLocal:
      'ローカルエンジンが提供するリージョンは {{region}} のみです。リンクのリージョン「{{asked}}」はここでは使えません。',
  },
};
