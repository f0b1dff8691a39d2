import { nestMessages } from '../validation';
import editor from './ja/editor';
import requests from './ja/requests';
import errorPanel from './ja/error-panel';
import invocations from './ja/invocations';
import layout from './ja/layout';
import lists from './ja/lists';
import pythonRuntime from './ja/python-runtime';
import snippets from './ja/snippets';
import triggers from './ja/triggers';
import customDomains from './ja/custom-domains';
import { japaneseValidationMessages } from './ja/validation';

/**
 * Japanese, in the words of the Japanese Function Compute console and its documents. Code
 * identifiers, header names, HTTP methods and the gateway's own error sentences stay as they are.
 */
export default {
  translation: {
    app: {
      title: 'Function Compute',
      documentTitle: 'Function Compute コンソール',
      localMode: 'ローカルエンジン · {{region}}',
      cloudMode: 'Alibaba Cloud · {{region}}',
      notIsolated: {
        title: 'このマシンでは関数が分離されていません: bubblewrap をインストールしてください',
        reason: '理由: {{reason}}',
        risk: 'それまでは、関数はあなたのユーザーが読み書きできるものすべてを読み書きできます。',
      },
    },
    language: { label: '言語', en: 'English', ja: '日本語' },
    nav: {
      main: 'メインナビゲーション',
      functions: '関数',
      customDomains: 'カスタムドメイン',
      breadcrumbs: 'パンくずリスト',
    },
    common: {
      ok: 'OK',
      cancel: 'キャンセル',
      close: '閉じる',
      delete: '削除',
      modify: '変更',
      retry: '再試行',
      actions: '操作',
      loading: '読み込み中',
      copied: 'コピーしました',
      copyFailed: 'クリップボードにコピーできませんでした',
    },
    errors: {
      requestFailed: 'リクエストに失敗しました',
      pageFailed: 'このページを表示できませんでした',
      unknown: '問題が発生しました。',
      network:
        'コンソールのサーバーに接続できませんでした。サーバーが起動していることとネットワークを確認して、もう一度お試しください。',
      details: 'コード {{code}} · HTTP {{status}} · リクエスト ID {{requestId}}',
      detailsNoRequest: 'コード {{code}} · HTTP {{status}}',
      /** コンソール API 独自のコード (contract/console-errors.ts の CONSOLE_ERRORS)。 */
      codes: {
        ForbiddenHost:
          'このコンソール自身のアドレスではないホスト宛てのリクエストを拒否しました。起動時に表示されたアドレスでコンソールを開くか、このホスト名を FC_CONSOLE_ALLOWED_HOSTS に追加して再起動してください。',
        CrossOriginRequest:
          'コンソールは自身のページからのリクエストだけを受け付けます。このリクエストは別のサイトから送信されました。コンソール自身のアドレスで使用してください。',
        JsonContentTypeRequired:
          '変更を伴うリクエストは JSON (Content-Type: application/json) で送信する必要があります。',
        ConsoleTokenRequired:
          'このコンソールにはアクセストークンが必要です。起動時に表示されたリンク (末尾が ?token=…) を開いてください。',
        ConsoleTokenInvalid:
          'アクセストークンがこのコンソールのものではありません。起動時に表示されたリンクを開いてください。FC_CONSOLE_TOKEN を設定しない限り、生成されたトークンは起動のたびに変わります。',
        CodeChanged:
          '編集を始めた後に、他のユーザーがこの関数をデプロイしました。編集内容は保持されています。再読み込みすると相手のコードを取り込みます (編集内容は破棄されます)。上書きすると自分のコードをデプロイします。',
        TriggerChanged:
          'このトリガーを開いた後に、他のユーザーが保存しました。入力内容は保持されています。再読み込みすると相手の設定を取り込みます (入力内容は破棄されます)。上書きすると自分の設定を保存します。',
        CustomDomainChanged:
          'このカスタムドメインを開いた後に、他のユーザーが保存しました。入力内容は保持されています。再読み込みすると相手の設定を取り込みます (入力内容は破棄されます)。上書きすると自分の設定を保存します。',
        LocalEngineOnly:
          'この画面はローカルエンジンのみを表示します。コンソールは Alibaba Cloud に接続されています。トリガーが受け取ったリクエストは Simple Log Service の関数のリクエストログで確認できます。',
        RequestBodyTooLarge:
          'リクエストがコンソールの受け付けるサイズを超えています。コードとテストリクエストは Function Compute 自身の上限 (コードパッケージ 100 MB、同期リクエストのボディ 32 MB) に収める必要があります。',
        CodeDownloadTimeout:
          '関数のコードのダウンロードが完了する前に止まりました。もう一度お試しください。繰り返し発生する場合は、コンソールと Function Compute のストレージの間のネットワークを確認してください。',
        DomainRoutesElsewhere:
          'このリクエストが通ったカスタムドメインは、現在このパスを別の関数にルーティングしています。再送するとその関数が実行されます。その関数のリクエストタブから再送するか、パスをこの関数へのルートに戻してください。',
        RequestLogsOff:
          'この関数は Simple Log Service にリクエストログを書き込んでいません。Alibaba Cloud では、コンソールはリクエストと数値をそこから読み取ります。Function Compute コンソールで関数のログ（Log Service のプロジェクトとログストア）とリクエストレベルのメトリクスを有効にしてから、リクエストを送信してください。',
      },
    },
    notFound: {
      title: 'ページが見つかりません',
      description: 'このアドレスには何もありません。',
      back: '関数の一覧へ',
    },
    runtimes: {
      nodejs20: 'Node.js 20',
      nodejs18: 'Node.js 18',
      python3: 'Python 3',
      python3_9: 'Python 3.9',
      python3_10: 'Python 3.10',
      python3_12: 'Python 3.12',
      custom: 'カスタムランタイム (Debian 10)',
      custom_debian10: 'カスタムランタイム (Debian 10)',
      custom_debian11: 'カスタムランタイム (Debian 11)',
    },
    functions: {
      title: '関数',
      loadFailed: '関数を読み込めませんでした',
      memoryValue: '{{mb, number}} MB',
      columns: { name: '関数名', runtime: 'ランタイム', memory: 'メモリ', lastModified: '最終更新日時' },
      empty: {
        title: '関数はまだありません',
        description: 'テンプレートから関数を作成し、HTTP トリガーを追加して呼び出します。',
      },
      fields: { name: '関数名' },
      create: {
        action: '関数の作成',
        title: '関数の作成',
        failed: '関数を作成できませんでした',
        nameHelp: '英字、数字、アンダースコア、ハイフン。1~128 文字。',
        template: 'テンプレート',
      },
      templates: {
        'nodejs-event-http': {
          title: 'イベント関数 (Node.js)',
          description: 'HTTP トリガーからの HTTP リクエストに応答する Node.js 20 のハンドラー。',
        },
        'python-event-http': {
          title: 'Python イベント関数',
          description:
            'HTTP トリガーからの HTTP リクエストに応答する Python 3.10 のハンドラー def handler(event, context)。',
        },
        'nodejs-web': {
          title: 'Web 関数 (Node.js)',
          description: 'ポートでリッスンする Node.js の Web サーバー。リクエストはそのまま渡されます。',
        },
        'custom-runtime': {
          title: 'カスタムランタイム (Python)',
          description: 'カスタムランタイムで起動コマンドによって起動される Python の Web サーバー。',
        },
        'python-flask': {
          title: 'Python Web 関数 (Flask)',
          description: 'custom.debian12 上の Flask アプリ。ルートは / と /test で、python3 app.py で起動します。',
          flaskMissing:
            'このマシンの python3 に Flask がインストールされていないため、この関数はここでは起動しません。apt-get install python3-flask (Debian または Ubuntu) でインストールしてください。',
        },
      },
      delete: {
        action: '関数 {{name}} を削除',
        title: '関数の削除',
        message: '関数「{{name}}」を削除しますか?トリガー、バージョン、エイリアスも削除されます。',
      },
      details: {
        loadFailed: '関数を読み込めませんでした',
        tabs: '関数の詳細',
        tab: {
          code: 'コード',
          triggers: 'トリガー',
          configuration: '設定',
          versions: 'バージョンとエイリアス',
          asyncTasks: '非同期タスク',
          requests: 'リクエスト',
          monitoring: 'モニタリング',
        },
      },
      config: {
        runtime: 'ランタイム',
        handler: 'ハンドラー',
        command: '起動コマンド',
        memory: 'メモリ',
        timeout: 'タイムアウト',
        seconds_other: '{{count, number}} 秒',
        concurrency: 'インスタンス同時実行数',
        env: '環境変数',
        noEnv: 'なし',
        codeSize: 'コードサイズ',
        bytes_other: '{{count, number}} バイト',
        lastModified: '最終更新日時',
      },
      settings: {
        action: '設定の変更',
        title: '設定の変更',
        failed: '設定を保存できませんでした',
        memorySize: 'メモリ',
        memorySizeHelp: '128 から 32768 までの 64 MB の倍数です。',
        timeout: 'タイムアウト',
        timeoutHelp: '1 回の呼び出しの実行時間の上限です (1 から 86400 秒)。',
        secondsUnit: '秒',
        instanceConcurrency: 'インスタンスの同時実行数',
        instanceConcurrencyHelp: '1 つのインスタンスが同時に処理するリクエスト数です (1 から 200)。',
        envKey: '名前',
        envValue: '値',
        envAdd: '変数の追加',
        envRemove: '変数 {{name}} の削除',
      },
    },
    code: {
      loadFailed: 'コードを読み込めませんでした',
      empty: 'この関数にはコードファイルがありません。',
      files: 'ファイル',
      binary: 'バイナリファイル ({{size, number}} バイト) は表示されません。',
    },
    triggers,
    customDomains,
    versions: {
      title: 'バージョン',
      loadFailed: 'バージョンを読み込めませんでした',
      columns: { version: 'バージョン', description: '説明', created: '作成日時' },
      empty: {
        title: 'バージョンはまだありません',
        description: 'バージョンを公開すると、現在のコードと設定が固定されます。',
      },
      fields: { description: '説明' },
      publish: {
        action: 'バージョンの公開',
        title: 'バージョンの公開',
        failed: 'バージョンを公開できませんでした',
        help: '省略可能。256 文字以内。',
      },
      delete: {
        action: 'バージョン {{id}} を削除',
        title: 'バージョンの削除',
        message: 'バージョン {{id}} を削除しますか?',
      },
    },
    aliases: {
      title: 'エイリアス',
      loadFailed: 'エイリアスを読み込めませんでした',
      columns: {
        name: 'エイリアス名',
        version: 'バージョン',
        canary: 'カナリアバージョン',
        description: '説明',
        lastModified: '最終更新日時',
      },
      empty: {
        title: 'エイリアスはまだありません',
        description: 'エイリアスは公開済みのバージョンを指します (例: prod → 3)。',
      },
      fields: {
        name: 'エイリアス名',
        version: 'バージョン',
        canary: 'カナリアバージョン',
        noCanary: 'なし',
        canaryHelp: '任意: トラフィックの一部を 2 つ目のバージョンに送ります。',
        canaryWeight: 'カナリアの重み',
        canaryWeightHelp: 'カナリアバージョンが処理するリクエストの割合です。残りはメインバージョンが処理します。',
        description: '説明',
      },
      create: {
        action: 'エイリアスの作成',
        title: 'エイリアスの作成',
        failed: 'エイリアスを作成できませんでした',
        needsVersion: '先にバージョンを公開してください。エイリアスはバージョンを指します。',
      },
      modify: {
        action: 'エイリアス {{name}} の変更',
        title: 'エイリアスの変更',
        failed: 'エイリアスを変更できませんでした',
      },
      delete: {
        action: 'エイリアス {{name}} を削除',
        title: 'エイリアスの削除',
        message: 'エイリアス「{{name}}」を削除しますか?',
      },
    },
    editor,
    errorPanel,
    requests,
    snippets,
    pythonRuntime,
    invocations,
    layout,
    lists,
    validation: nestMessages(japaneseValidationMessages),
  },
};
