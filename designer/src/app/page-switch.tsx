import { lazy, Suspense } from 'react';
import { LoginPage } from '../pages/login-page';
import { InboxPage } from '../pages/inbox-page';
import { TaskPage } from '../pages/task-page';
import { useApp } from './app-context';
import type { Route } from './router';

// The canvas pages carry React Flow and the template language: loaded on demand, so the rep's
// inbox on a phone stays small.
const TemplatesPage = lazy(() => import('../pages/templates-page').then((m) => ({ default: m.TemplatesPage })));
const DesignerPage = lazy(() => import('../pages/designer-page').then((m) => ({ default: m.DesignerPage })));
const VersionsPage = lazy(() => import('../pages/versions-page').then((m) => ({ default: m.VersionsPage })));
const ConsolePage = lazy(() => import('../pages/console-page').then((m) => ({ default: m.ConsolePage })));
const OrderPage = lazy(() => import('../pages/order-page').then((m) => ({ default: m.OrderPage })));
const AnalyticsPage = lazy(() => import('../pages/analytics-page').then((m) => ({ default: m.AnalyticsPage })));

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'login': return <LoginPage />;
    case 'inbox': return <InboxPage />;
    case 'task': return <TaskPage key={route.id} id={route.id} />;
    case 'templates': return <TemplatesPage />;
    case 'designer': return <DesignerPage key={route.key} templateKey={route.key} />;
    case 'versions': return <VersionsPage templateKey={route.key} />;
    case 'console': return <ConsolePage />;
    case 'order': return <OrderPage key={route.id} id={route.id} />;
    case 'analytics': return <AnalyticsPage />;
    default: return null;
  }
}

export function PageSwitch({ route }: { route: Route }) {
  const { t } = useApp();
  return <Suspense fallback={<p className="muted">{t('common.loading')}</p>}><Page route={route} /></Suspense>;
}
