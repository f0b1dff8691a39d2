/** Copy helpers: endpoints, Copy as cURL, Copy as fetch. */
export default {
  copyCurl: 'cURL としてコピー',
  moreCopy: 'リクエストのその他のコピー方法',
  copyFetch: 'fetch としてコピー',
  copiedCurl: 'cURL コマンドをコピーしました',
  copiedFetch: 'fetch スニペットをコピーしました',
  validUntil: '{{copied}} · 署名済み、{{time}} まで有効 (15 分間)',
  failed: 'コマンドを作成できませんでした: {{message}}',
  copyFailed: 'クリップボードにコピーできませんでした',
  copyPublic: 'パブリックエンドポイントをコピー',
  copyInternal: '内部エンドポイントをコピー',
};
