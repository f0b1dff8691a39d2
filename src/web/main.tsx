import { showLoadFailure } from './app/load-failure';
import { yieldToMain } from './app/yield-to-main';

void import('./fonts');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * The console's script is evaluated in stages, each in a task of its own (on a slow phone one task
 * for all of it blocked taps for a second): the first page's requests, then React DOM and i18next,
 * then MUI's styling, then the theme and providers, then the pages, which render. Each stage is a chunk of its own that
 * index.html preloads, so the stages wait for no download (vite.config.ts, `CONSOLE_STAGES`).
 */
async function start(root: HTMLElement) {
  const { startFirstRequests } = await import('./app/first-requests');
  const queryClient = await startFirstRequests(location.pathname);
  await yieldToMain();
  await import('./app/stage-platform');
  await yieldToMain();
  await import('./app/stage-styles');
  await yieldToMain();
  await import('./app/providers');
  await yieldToMain();
  const { renderConsole } = await import('./app/render-console');
  await renderConsole(root, queryClient);
}

start(root).catch(() => showLoadFailure(root));
