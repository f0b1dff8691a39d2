import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { PageLoading } from '../components/page-loading';
import { FunctionsPage } from '../features/functions/functions-page';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RouteErrorBoundary } from './route-error-boundary';

// The details page (tabs, trigger panel, forms) is not needed to show the function list.
const FunctionDetailsPage = lazy(() => import('./function-details-page'));
const CustomDomainsRoutes = lazy(() => import('../features/custom-domains/custom-domains-routes'));

/** The console's pages; a page that throws is replaced (layout included) by the error page. */
export function AppRoutes() {
  const [pathname] = useLocation();
  return (
    <RouteErrorBoundary resetKey={pathname}>
      <AppLayout>
        <Switch>
          <Route path="/">
            <Redirect to="/functions" replace />
          </Route>
          <Route path="/functions">
            <FunctionsPage />
          </Route>
          <Route path="/functions/:name">
            <Suspense fallback={<PageLoading />}>
              <FunctionDetailsPage />
            </Suspense>
          </Route>
          <Route path="/custom-domains" nest>
            <Suspense fallback={<PageLoading />}>
              <CustomDomainsRoutes />
            </Suspense>
          </Route>
          <Route>
            <NotFoundPage />
          </Route>
        </Switch>
      </AppLayout>
    </RouteErrorBoundary>
  );
}
