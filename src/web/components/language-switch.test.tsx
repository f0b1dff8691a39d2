import { act, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { seedFunction } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { ErrorExplanation } from '../features/invocations/error-panel/error-explanation';
import { errorResult, testTrigger } from '../features/invocations/error-panel/testing/error-fixtures';
import { changeLanguage, LANGUAGE_STORAGE_KEY } from '../i18n/i18n';
import { renderInConsole } from '../testing/render-in-console';
import { renderWithProviders } from '../testing/render-with-providers';

async function switchTo(user: UserEvent, group: string, language: string) {
  await user.click(within(screen.getByRole('group', { name: group })).getByRole('button', { name: language }));
}

describe('language switch', () => {
  it('shows the console, the Create Trigger panel and its rules in Japanese, and remembers it', async () => {
    seedFunction(helloFunction);
    const { user } = renderWithProviders('/functions');
    const link = await screen.findByRole('link', { name: 'hello-world' });
    expect(
      within(screen.getByRole('group', { name: 'Language' })).getByRole('button', { name: 'English' }),
    ).toHaveAttribute('aria-pressed', 'true');

    await switchTo(user, 'Language', '日本語');
    expect(
      within(await screen.findByRole('group', { name: '言語' })).getByRole('button', { name: '日本語' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('ja');
    expect(document.title).toBe('関数 · Function Compute コンソール');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ja');
    expect(screen.getByRole('columnheader', { name: '最終更新日時' })).toBeInTheDocument();
    const row = link.closest('tr') as HTMLElement;
    // Japanese writes dates year first: 2025/03/01 8:20.
    expect(within(row).getByText(/^\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}$/)).toBeInTheDocument();

    await user.click(link);
    await user.click(await screen.findByRole('tab', { name: 'トリガー' }));
    await user.click((await screen.findAllByRole('button', { name: 'トリガーの作成' }))[0] as HTMLElement);
    const panel = await screen.findByRole('dialog', { name: 'トリガーの作成' });
    expect(within(panel).getByRole('combobox', { name: /トリガータイプ/ })).toHaveTextContent('HTTP トリガー');
    expect(within(panel).getByRole('combobox', { name: /バージョンまたはエイリアス/ })).toHaveValue('LATEST');
    expect(within(panel).getByRole('switch', { name: 'インターネット URL を無効化' })).not.toBeChecked();
    expect(within(panel).getByRole('combobox', { name: /認証方式/ })).toHaveTextContent('認証なし');
    expect(within(panel).getByRole('alert')).toHaveTextContent(
      /誰でも HTTP リクエストを介して関数を呼び出す.*Authorization ヘッダーを検証/,
    );

    const name = within(panel).getByRole('textbox', { name: /^名前/ });
    await user.type(name, '-trigger');
    await user.tab();
    expect(name).toHaveAccessibleDescription(/数字またはハイフンで始めないでください/);
    for (const m of ['GET', 'POST', 'PUT', 'DELETE'])
      await user.click(within(panel).getByRole('checkbox', { name: m }));
    await user.tab();
    const methods = within(panel).getByRole('group', { name: /リクエストメソッド/ });
    expect(within(methods).getByText('リクエストメソッドを 1 つ以上選択してください。')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'キャンセル' })).toBeInTheDocument();
  });

  it('switches back to English', async () => {
    seedFunction(helloFunction);
    const { user } = renderWithProviders('/functions');
    await screen.findByRole('link', { name: 'hello-world' });
    await switchTo(user, 'Language', '日本語');
    expect(await screen.findByRole('heading', { name: '関数' })).toBeInTheDocument();

    await switchTo(user, '言語', 'English');
    expect(await screen.findByRole('heading', { name: 'Functions' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('explains a gateway error in Japanese, keeping the gateway’s own sentence', async () => {
    const { user } = renderInConsole(
      <>
        <ErrorExplanation result={errorResult(403, 'MethodNotAllowed')} trigger={testTrigger} />
        <ErrorExplanation result={errorResult(403, 'InternetURLDisabled')} trigger={testTrigger} />
      </>,
    );
    await act(() => changeLanguage('ja'));
    const [methods, internet] = (await screen.findAllByRole('alert')) as [HTMLElement, HTMLElement];
    expect(methods).toHaveTextContent('403 · リクエストエラー');
    expect(methods).toHaveTextContent('リクエストメソッドがトリガーの設定で許可されていません');
    expect(methods).toHaveTextContent(
      '許可されているメソッドは GET, PUT ですが、リクエストでは POST が使用されました。',
    );
    expect(methods).toHaveTextContent('課金: なし');
    expect(internet).toHaveTextContent('Function Compute からのメッセージ: gateway says InternetURLDisabled');
    expect(internet).toHaveTextContent('関数のインターネット URL が無効化されている');
    expect(internet).not.toHaveTextContent('access denied due to function internet URL is disable');
    expect(internet).toHaveTextContent('内部エンドポイントは引き続き応答します');
    await user.click(within(methods).getByRole('button', { name: 'ステータスコード一覧' }));
    const reference = await screen.findByRole('dialog', { name: 'ステータスコード一覧' });
    expect(within(reference).getByRole('row', { name: /InvalidArgument/ })).toHaveTextContent(/ヘッダーサイズが 8 KB/);
  });
});
