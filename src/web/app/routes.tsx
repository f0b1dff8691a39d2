import type { TFunction } from 'i18next';
import { lazy, Suspense } from 'react';
import { Navigate, type Params, type RouteObject } from 'react-router';
import { PageLoading } from '../components/page-loading';
import { FunctionsPage } from '../features/functions/functions-page';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RouteErrorPage } from './route-error-page';

// The details page (tabs, trigger panel, forms) is not needed to show the function list.
const FunctionDetailsPage = lazy(() => import('./function-details-page'));

export type Crumb = (params: Params, t: TFunction) => { label: string; to?: string };
export type RouteHandle = { crumbs: Crumb[] };

const functionsCrumb: Crumb = (_, t) => ({ label: t('nav.functions'), to: '/functions' });

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <Navigate to="/functions" replace /> },
      { path: 'functions', element: <FunctionsPage />, handle: { crumbs: [functionsCrumb] } satisfies RouteHandle },
      {
        path: 'functions/:name',
        element: (
          <Suspense fallback={<PageLoading />}>
            <FunctionDetailsPage />
          </Suspense>
        ),
        handle: { crumbs: [functionsCrumb, (params) => ({ label: params.name ?? '' })] } satisfies RouteHandle,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
