import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { bffHandler } from '../../../mocks/bff-in-process';
import { fcState } from '../../../mocks/fc-state';
import { server } from '../../../mocks/node';
import { i18n } from '../i18n/i18n';
import { keepOnlyReadStyleRules } from './jsdom-styles';

// The first render of a lazy page transforms its modules: give findBy* more than 1 s on a busy machine.
configure({ asyncUtilTimeout: 5000 });
keepOnlyReadStyleRules(window);

// The SPA's /api calls go to the real bff app in-process; its FC SDK calls meet the MSW FC handlers.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  fcState.reset();
  server.use(bffHandler());
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  // A test that switches to Japanese leaves the next one in English, as jsdom's navigator says.
  localStorage.clear();
  await i18n.changeLanguage('en');
});
afterAll(() => server.close());
