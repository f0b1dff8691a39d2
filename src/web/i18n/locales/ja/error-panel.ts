import { REWRITE_DEADLINE_MS } from '../../../../contract/regexp-cost';
import { UNKNOWN_STATUS, type ErrorType, type GatewayErrorCode } from '../../../../contract/status-catalogue';

type Explanation = { cause: string; action: string };

/** The status catalogue in Japanese, typed so that a code the contract adds cannot be left out. */
const gatewayErrors: Record<GatewayErrorCode, Explanation> = {
  InvalidArgument: {
    cause:
      'リクエストが制限を超えています: ヘッダーサイズが 8 KB、クエリパラメーターを含むパスサイズが 4 KB、同期呼び出しのボディサイズが 32 MB を超えています。',
    action:
      'リクエストを小さくしてください: ヘッダーを減らすか短くする、URL を短くする、またはボディを小さくします (大きなペイロードは非同期呼び出しやストレージ経由で送信します)。',
  },
  MissingRequiredHeader: {
    cause: '認証に必要な Date ヘッダーまたは Authorization ヘッダーがリクエストにありません。',
    action: 'リクエストに署名し、Date (x-acs-date) ヘッダーと Authorization ヘッダーを送信してください。',
  },
  ApkResponseForbidden: {
    cause:
      '関数が APK の MIME タイプ (application/vnd.android.package-archive) で応答しました。パブリックエンドポイントからは APK ファイルを返せません。',
    action: 'APK ファイルはカスタムドメイン名経由で提供するか、別のコンテンツタイプで応答してください。',
  },
  SignatureNotMatch: {
    cause: 'Authorization の署名が無効です。',
    action: 'このアカウントの AccessKey で、送信するメソッド、パス、クエリ、ヘッダーそのものに署名してください。',
  },
  RequestTimeTooSkewed: {
    cause:
      '署名の有効期間は Date ヘッダーから 15 分間のみですが、リクエストの Date が現在時刻から 15 分以上ずれています。',
    action: 'クライアントの時刻を修正し、リクエストに再度署名してください。',
  },
  MethodNotAllowed: {
    cause: 'リクエストメソッドがトリガーの設定で許可されていません (例: GET のみ設定されているのに POST を使用した)。',
    action: 'トリガーのリクエストメソッドのいずれかを使用するか、このメソッドをトリガーに追加してください。',
  },
  InternetURLDisabled: {
    // The gateway answers "access denied due to function internet URL is disable"; its message line shows those words.
    cause: '関数のインターネット URL が無効化されているため、アクセスが拒否されました。',
    action: '内部エンドポイントを呼び出すか、トリガーの [インターネット URL を無効化] をオフにしてください。',
  },
  Unauthorized: {
    cause:
      'リクエストがトリガーの認証を通過しませんでした: Basic 認証のパスワード、Bearer トークン、または JWT がないか無効です。',
    action: 'トリガーの認証方式が求める認証情報を送信してください。',
  },
  TriggerNotFound: {
    cause: 'HTTP トリガーを持たない関数に HTTP リクエストが送信されました。',
    action: '関数の HTTP トリガーを作成するか、エンドポイントのアドレスを確認してください。',
  },
  DomainRouteNotFound: {
    cause: 'カスタムドメインのどのルートにも一致しないパスにリクエストが送信されました。',
    action:
      'このパスのルートをカスタムドメインに追加してください (末尾が * のパスは、そのパスで始まるすべてのパスに一致します)。',
  },
  DomainProtocolNotAllowed: {
    cause: 'HTTP のみを受け付けるカスタムドメインに HTTPS でリクエストが届きました。',
    action: 'http:// で呼び出すか、ドメインに HTTPS (と証明書) を追加してください。',
  },
  ClientClosedRequest: {
    cause: '関数が応答する前に、クライアントが接続を閉じました。',
    action: 'クライアントの待ち時間を延ばすか、時間のかかる処理は非同期で呼び出してください。',
  },
  ResourceThrottled: {
    cause:
      'リクエストがスロットリングされました: 関数のすべてのインスタンスが処理中で、インスタンス数の上限に達しています。',
    action: '同時実行数を減らすか、関数のインスタンス同時実行数を増やしてください。',
  },
  UnhandledInvocationError: {
    cause: '関数コードに構文エラーがあるか、例外がスローされました。',
    action: 'この呼び出しのログを確認し、コードを修正して再度デプロイしてください。',
  },
  FunctionTimeout: {
    cause: '関数の実行時間がタイムアウトを超えたため、停止されました。',
    action: '関数を高速化するか、タイムアウトを延ばすか、非同期で呼び出してください。',
  },
  FunctionExited: {
    cause:
      'リクエストの処理中に関数のプロセスが終了、クラッシュ、またはメモリ不足 (memorySize を超える使用) になりました。',
    action:
      'この呼び出しのログを確認してください。ハンドラー内で process.exit を呼び出さないでください。メモリ不足の場合は memorySize を増やしてください。',
  },
  HandlerNotFound: {
    cause: 'HTTP ハンドラーを使用していない関数に HTTP リクエストが送信されました。',
    action: '関数の設定で指定したハンドラーをエクスポートするか、Web 関数で HTTP サーバーを起動してください。',
  },
  InstanceStartFailed: {
    cause: 'Web 関数が時間内にポートでのリッスンを開始しませんでした。',
    action: 'FC_SERVER_PORT (または PORT) のポートでリッスンし、起動コマンドを確認してください。',
  },
  BadResponse: {
    cause:
      '関数のレスポンスが制限 (ヘッダーサイズ 8 KB、ボディサイズ 32 MB) を超えているか、形式が正しくありません。ストリーミング中に 32 MB を超えたレスポンスは途中で切断されます。',
    action:
      'レスポンスヘッダーを減らすか小さくし、ボディは 32 MB 以内にして (大きなファイルはストレージ経由で提供します)、{statusCode, headers, body} を返してください。',
  },
  RuntimeNotSupportedLocally: {
    cause:
      'この関数のランタイム (Python、Java、PHP、Go、.NET、カスタムコンテナー) はクラウドでのみ実行できます。ローカルエンジンが実行できるのは Node.js とカスタムランタイムです。',
    action:
      '関数を Function Compute にデプロイして実行するか、ここで実行するにはカスタムランタイム (custom.debian10/11/12) の起動コマンドで実行してください。',
  },
  InternalError: {
    cause: 'Function Compute の内部エラーです。',
    action: 'リクエストを再試行してください。',
  },
  DomainRewriteTimeout: {
    cause: `カスタムドメインの書き換えルールをこのパスに時間内に適用できなかったため、リクエストは関数に送信されませんでした (コストの高いルールは、他のリクエストを妨げないよう専用のスレッドでパスごとに ${REWRITE_DEADLINE_MS} ms 以内に実行されます)。`,
    action:
      'ルートの正規表現ルールとワイルドカードルールを簡素化する (省略可能な部分・繰り返し・.* や * を減らす) か、より短いパスを送信してください。このようなパスが一度に多数届いた場合は再試行してください。',
  },
  SystemThrottled: {
    cause: 'Function Compute のシステムスロットリングです。',
    action: '指数バックオフで再試行してください。',
  },
};

const types: Record<ErrorType, string> = {
  requestError: 'リクエストエラー',
  functionError: '関数エラー',
  userThrottling: 'ユーザースロットリング',
  systemError: 'システムエラー',
  systemThrottling: 'システムスロットリング',
};

/** The error panel of a test result and the status code reference. */
export default {
  title: '{{status}} · {{type}}',
  types,
  catalogue: {
    ...gatewayErrors,
    [UNKNOWN_STATUS]: {
      cause:
        'Function Compute 自体はこのステータスを返しません。関数自身のレスポンスである可能性が高く、関数は実行されています。',
      action: 'この呼び出しのレスポンスボディとログを確認してください。',
    },
  },
  possibleCauses: '考えられる原因',
  cause: '原因',
  action: '対処方法',
  billed: '課金: {{value}}',
  yes: 'あり',
  no: 'なし',
  code: 'エラーコード {{code}}',
  noCode:
    'このステータスにはエラーコードがありません。Function Compute ではなく、関数自身の応答である可能性があります。',
  message: 'Function Compute からのメッセージ: {{message}}',
  requestId: 'リクエスト ID {{requestId}}',
  methods: {
    allowed: 'このトリガーで許可されているメソッドは {{methods}} ですが、リクエストでは {{method}} が使用されました。',
    modify: '変更',
    modifyLabel: 'トリガーのリクエストメソッドを変更',
  },
  internet: {
    internal: '内部エンドポイントは引き続き応答します:',
    use: '内部エンドポイントを使用',
    copy: '内部エンドポイントをコピー',
  },
  size: {
    headers: '送信したヘッダー (キーと値): {{size, number}} / {{limit, number}} バイト (ヘッダーサイズ 8 KB)',
    pathWithQuery:
      '送信したクエリパラメーターを含むパス: {{size, number}} / {{limit, number}} バイト (パスサイズ 4 KB)',
    over: '制限超過',
    within: '制限内',
  },
  skew: {
    measured:
      '時刻のずれ: レスポンスの Date ({{serverTime}}) とこのコンピューターの時刻 ({{clientTime}}) の差は {{seconds, number}} 秒です。署名の有効期間は 15 分間です。',
    unknown: 'レスポンスに Date ヘッダーがないため、時刻のずれを測定できません。',
  },
  auth: 'このトリガーの認証方式は {{method}} です。',
  logs: {
    hint: '関数の実行に失敗しました。この呼び出しのログで原因を確認できます。',
    show: 'ログを表示',
  },
  reference: {
    open: 'ステータスコード一覧',
    title: 'ステータスコード一覧',
    intro:
      'リクエストエラーは 4xx、関数エラーは 5xx を返します。HTTP トリガーが問題発生時に返す応答と、その呼び出しが課金されるかどうか:',
    columns: {
      type: 'エラータイプ',
      status: 'HTTP ステータスコード',
      code: 'エラーコード',
      cause: '原因分析',
      billed: '課金',
      action: '対処方法',
    },
  },
};
