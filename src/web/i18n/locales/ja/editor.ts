/** The Code tab's editor and Deploy. */
export default {
  binary: 'バイナリファイル ({{size, number}} バイト) は編集できません。',
  loadingEditor: 'エディターを読み込んでいます',
  modified: '変更あり',
  language: {
    javascript: 'JavaScript',
    typescript: 'TypeScript',
    python: 'Python',
    json: 'JSON',
    yaml: 'YAML',
    plain: 'プレーンテキスト',
  },
  deploy: 'デプロイ',
  deploying: 'デプロイ中',
  undeployed_other: '{{count, number}} 個のファイルに未デプロイの変更があります',
  deployed: 'デプロイしました',
  deployFailed: 'コードをデプロイできませんでした',
  conflict: {
    title: '他のユーザーがこの関数をデプロイしました',
    reload: '再読み込み',
    overwrite: '上書き',
    reloadTitle: '編集内容を破棄しますか?',
    reloadMessage:
      '再読み込みすると、他のユーザーがデプロイしたコードを表示します。「{{name}}」のコードへの未デプロイの編集は破棄されます。',
    reloadConfirm: '破棄して再読み込み',
  },
  leave: {
    title: 'デプロイせずに移動しますか?',
    message: '「{{name}}」のコードの変更はデプロイされていません。移動すると変更は破棄されます。',
    confirm: '移動',
  },
};
