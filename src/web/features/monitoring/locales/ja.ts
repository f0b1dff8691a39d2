/** モニタリングタブの文言 (名前空間 `monitoring`)。タブのコードが読み込まれたときに登録する。 */
export default {
  title: 'モニタリング',
  filters: 'モニタリングの絞り込み',
  window: { label: '期間', '1h': '過去 1 時間', '1d': '過去 1 日' },
  trigger: { label: 'トリガー', all: 'すべてのトリガー' },
  qualifier: { label: '修飾子', all: 'すべての修飾子' },
  live: 'このタブを開いている間、{{seconds, number}} 秒ごとに更新します。ローカルエンジンが記録したリクエストを表示します。',
  liveCloud:
    'このタブを開いている間、{{seconds, number}} 秒ごとに更新します。関数のリクエストログを Log Service で分析した数値です (p50/p99 は Log Service の推定値です)。',
  logsOff: 'この関数はリクエストログを書き込んでいません',
  loadFailed: 'メトリクスを読み込めませんでした',
  empty: {
    title: 'この期間に記録されたリクエストはありません',
    description:
      '関数のトリガー URL に送られたリクエスト (コンソールのテスト関数を含め、どこから送られたものでも) が数秒以内にここに表示されます。',
  },
  totals: {
    title: '合計',
    invocations: '呼び出し',
    errors4xx: 'クライアントエラー (4xx)',
    errors5xx: 'サーバーエラー (5xx)',
    throttles: 'スロットリング (429)',
    p99: '最も遅い p99',
    ms: '{{value, number}} ミリ秒',
    none: '—',
  },
  chart: {
    invocations: '呼び出し',
    errors: 'ステータス別のエラー',
    throttles: 'スロットリング (429)',
    duration: '実行時間 p50 / p99 (ミリ秒)',
    loading: 'グラフを読み込み中',
    failed: 'グラフを描画できませんでした。数値は合計と表にあります。',
  },
  series: { errors4xx: '4xx', errors5xx: '5xx', p50: 'p50', p99: 'p99' },
  summary: {
    count_other: '合計 {{count, number}}、1 区間の最大 {{peak, number}}',
    duration: 'p50 は最大 {{p50}}、p99 は最大 {{p99}}',
    durationNone: '実行時間なし: 記録がありません',
  },
  table: {
    caption: '{{minutes, number}} 分ごとのリクエスト (リクエストがあった区間)',
    start: '開始',
  },
};
