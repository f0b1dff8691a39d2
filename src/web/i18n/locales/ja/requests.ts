/** リクエストタブ: エンジンのゲートウェイがこの関数のために応答したすべてのリクエスト。 */
export default {
  title: 'リクエスト',
  row: '{{method}} {{path}}: {{status}}',
  loadFailed: 'リクエストを読み込めませんでした',
  fromConsole: 'コンソール',
  columns: {
    time: '時刻',
    method: 'メソッド',
    path: 'パス',
    source: '送信元',
    status: 'ステータス',
    duration: '所要時間',
    requestId: 'リクエスト ID',
    type: '種類',
    via: 'トリガー / ドメイン',
  },
  filters: {
    all: 'すべて',
    status: 'ステータス',
    method: 'メソッド',
    trigger: 'トリガー',
    time: '期間',
    path: 'パスに含む文字列',
    requestId: 'リクエスト ID',
    range: { all: 'すべての期間', '15m': '直近 15 分', '1h': '直近 1 時間', '1d': '直近 1 日' },
  },
  empty: {
    title: 'まだリクエストはありません。次のコマンドで送信できます:',
    filtered: 'この条件に一致するリクエストはありません',
    noTrigger: 'HTTP トリガーを作成してから、その URL にリクエストを送信してください。',
    copy: 'curl コマンドをコピー',
  },
  detail: {
    title: 'リクエスト {{requestId}}',
    loadFailed: 'リクエストを読み込めませんでした',
    via: '経由: {{via}} · 送信元: {{source}}',
    dropped:
      'このリクエストは概要だけが保存されています。リクエストの到着に記録が追いつかなかったため、ゲートウェイを遅くしないよう詳細を省きました。',
    request: 'リクエスト',
    response: 'レスポンス',
    noLogs: 'このリクエストのログは保存されていません。',
  },
  cloud: {
    note: '関数の Simple Log Service のリクエストログから読み取っています。リクエストは Log Service がインデックスを作成した後 (数秒から 1 分) に表示され、トリガー名、ヘッダー、本文は含まれません。',
    logsOff: 'この関数はリクエストログを書き込んでいません',
    detail:
      '関数の Simple Log Service のリクエストログから読み取っています。ヘッダーと本文は保存されないため、同じ内容で再送信することはできません。ログはリクエスト ID を含む行です。',
  },
  capped:
    'タブを開いてから届いたリクエストのうち新しい {{count}} 件を表示しています。それより古いものは次のページにあります。',
  actions: {
    replay: '再送信',
    replaying: '再送信中',
    replayFailed: 'リクエストを再送信できませんでした',
    replayResult: '再送信の結果',
    openInTest: '関数のテストで開く',
    throughDomain:
      '再送信はカスタムドメイン {{domainName}} に、ドメインの設定の認証情報を付けて送り直します。関数のテストと cURL としてコピーはトリガー経由で送信します。',
  },
  replayBlocked: {
    noDomain: 'このリクエストが経由したカスタムドメインが記録されていないため、再送信できません。',
    noDetail: 'このリクエストは概要だけが保存されているため、同じ内容で再送信できません。',
    binaryBody: 'このリクエストの本文はバイナリのため、関数のテストでは同じ内容で送信できません。',
    truncatedBody: 'リクエストの本文が保存できる上限を超えていたため、同じ内容で再送信できません。',
    method: '関数のテストではこのメソッドを送信できません。',
    noTrigger: 'このリクエストが通ったトリガーはもう存在しません。',
  },
};
