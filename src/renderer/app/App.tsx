/** The app shell: first-run setup, login, then the pages behind the top bar. */
import { lazy, Suspense, useEffect } from 'react';
import { deskApi, type SetupStatus } from '../api/desk';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/setup/SetupPage';
import { DocumentListPage } from '../features/documents/DocumentListPage';
import { UserAdminPage } from '../features/admin/UserAdminPage';
import { ProofingListsPage } from '../features/admin/ProofingListsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { InboxPage } from '../features/inbox/InboxPage';
import { InboxProvider } from '../features/inbox/inboxState';
import { DeskEventsProvider } from '../features/events/DeskEvents';
import { InPageNotices } from '../features/inbox/InPageNotices';
import { ChainsPage } from '../features/review/ChainsPage';
import { AuditPage } from '../features/audit/AuditPage';
import { LedgerPage } from '../features/ledger/LedgerPage';
import { OutletsPage } from '../features/ledger/OutletsPage';
import { HelpPage } from '../features/help/HelpPage';
import { TemplatesPage } from '../features/templates/TemplatesPage';
import { CommissionsPage } from '../features/commissions/CommissionsPage';
import { dispatchCommand } from '../platform/commands';
import { onMenuCommand } from '../platform/desk';
import { Loading } from '../ui/Notice';
import { PageErrorBoundary } from '../ui/PageErrorBoundary';
import { useLoad } from '../ui/useLoad';
import type { Role } from '../../core/domain/roles';
import { navigate, useRoute, type Route } from './router';
import { SessionProvider, useSession } from './session';
import { TopBar } from './TopBar';

// The two heaviest pages load on first use: the document workspace (Lexical, Yjs) and 统计 (the chart library).
const WorkspacePage = lazy(() => import('../features/workspace/WorkspacePage').then((m) => ({ default: m.WorkspacePage })));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { session, restoring, signingOut } = useSession();
  const route = useRoute();
  // An older or unreachable server: fall back to the login page, which reports errors itself.
  const setup = useLoad(() => deskApi.setupStatus().catch((): SetupStatus => ({ needed: false, allowed: false })),
    [session], !session).data;

  useEffect(() => onMenuCommand((command) => {
    if (command === 'new-document') navigate({ page: 'documents' });
    if (command === 'open-settings') navigate({ page: 'settings' });
    if (command === 'open-help') navigate({ page: 'help' });
    dispatchCommand(command);
  }), []);

  if (signingOut) return <main className="center-page"><Loading label="正在退出登录…" /></main>;
  if (restoring) return <main className="center-page"><Loading /></main>;
  if (!session) {
    // The guide needs no login: the desktop's 帮助 › 使用说明 may open it from the login page.
    if (route.page === 'help') return <div className="app"><HelpPage backHref="#/" /></div>;
    if (!setup) return <main className="center-page"><Loading /></main>;
    if (setup.needed) return <SetupPage allowed={setup.allowed} />;
    return <LoginPage />;
  }
  return (
    <DeskEventsProvider key={session.user.id} userId={session.user.id}>
      <InboxProvider>
        <div className="app">
          <TopBar route={route} />
          <PageErrorBoundary resetKey={JSON.stringify(route)}>
            <Suspense fallback={<main className="page"><Loading /></main>}>
              <Page route={route} roles={session.user.roles} />
            </Suspense>
          </PageErrorBoundary>
          <InPageNotices />
        </div>
      </InboxProvider>
    </DeskEventsProvider>
  );
}

function Page({ route, roles }: { route: Route; roles: readonly Role[] }) {
  const isAdmin = roles.includes('admin');
  switch (route.page) {
    case 'documents': return <DocumentListPage trash={false} />;
    case 'trash': return <DocumentListPage trash />;
    case 'editor': return <WorkspacePage key={route.documentId} documentId={route.documentId} />;
    case 'admin': return isAdmin ? <UserAdminPage /> : <DocumentListPage trash={false} />;
    case 'settings': return <SettingsPage />;
    case 'inbox': return <InboxPage />;
    case 'chains': return isAdmin ? <ChainsPage /> : <DocumentListPage trash={false} />;
    case 'audit': return isAdmin ? <AuditPage /> : <DocumentListPage trash={false} />;
    case 'proofing': return isAdmin ? <ProofingListsPage /> : <DocumentListPage trash={false} />;
    case 'ledger': return <LedgerPage />;
    case 'dashboard': return <DashboardPage />;
    case 'outlets': return <OutletsPage />;
    case 'help': return <HelpPage roles={roles} />;
    case 'templates': return isAdmin ? <TemplatesPage /> : <DocumentListPage trash={false} />;
    case 'commissions': return <CommissionsPage />;
  }
}
