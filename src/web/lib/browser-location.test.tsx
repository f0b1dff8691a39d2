import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Link, Router, useLocation } from 'wouter';
import { useGuardedBrowserLocation } from './browser-location';
import { useNavigationGuard } from './navigation-guard';

function Page() {
  const [pathname] = useLocation();
  const [guarding, setGuarding] = useState(false);
  const blocker = useNavigationGuard(({ from, to }) => guarding && from !== to);
  return (
    <>
      <output aria-label="page">{pathname}</output>
      <Link to="/a">A</Link>
      <Link to="/b">B</Link>
      <button onClick={() => setGuarding(true)}>Guard</button>
      {blocker.blocked ? (
        <div role="alertdialog">
          <button onClick={blocker.reset}>Stay</button>
          <button onClick={blocker.proceed}>Leave</button>
        </div>
      ) : null}
    </>
  );
}

const shownPage = () => screen.getByRole('status', { name: 'page' });

describe('the guarded browser location', () => {
  it('asks before links and back/forward leave a guarded page, and goes only on Leave', async () => {
    const user = userEvent.setup();
    render(
      <Router hook={useGuardedBrowserLocation}>
        <Page />
      </Router>,
    );
    await user.click(screen.getByRole('link', { name: 'A' }));
    await user.click(screen.getByRole('link', { name: 'B' }));
    expect(shownPage()).toHaveTextContent('/b');
    await user.click(screen.getByRole('button', { name: 'Guard' }));

    await user.click(screen.getByRole('link', { name: 'A' }));
    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(shownPage()).toHaveTextContent('/b');
    expect(window.location.pathname).toBe('/b');

    // Back has already moved the address bar: it is put back while the user is asked.
    act(() => history.back());
    expect(await screen.findByRole('alertdialog')).toBeInTheDocument();
    await waitFor(() => expect(window.location.pathname).toBe('/b'));
    expect(shownPage()).toHaveTextContent('/b');
    await user.click(screen.getByRole('button', { name: 'Stay' }));
    expect(shownPage()).toHaveTextContent('/b');

    act(() => history.back());
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(shownPage()).toHaveTextContent('/a'));
    expect(window.location.pathname).toBe('/a');

    // The page just left is still ahead in the history: forward is asked about too.
    act(() => history.forward());
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(shownPage()).toHaveTextContent('/b'));
    expect(window.location.pathname).toBe('/b');

    await user.click(screen.getByRole('link', { name: 'A' }));
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    expect(shownPage()).toHaveTextContent('/a');
    expect(window.location.pathname).toBe('/a');
  });
});
