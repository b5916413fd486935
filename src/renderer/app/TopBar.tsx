/** The bar above every page: app name, navigation, the user's name and 退出登录. */
import type { Route } from './router';
import { routeHref } from './router';
import { useCurrentSession, useSession } from './session';
import { isDesktop } from '../platform/desk';
import { useInbox } from '../features/inbox/inboxState';
import { useCommissionAlerts } from '../features/commissions/useCommissionAlerts';

export function TopBar({ route }: { route: Route }) {
  const { user } = useCurrentSession();
  const { signOut } = useSession();
  const isAdmin = user.roles.includes('admin');
  const { total: waiting } = useInbox();
  const commissionAlerts = useCommissionAlerts(route.page);
  const inDocuments = route.page === 'documents' || route.page === 'trash' || route.page === 'editor';

  return (
    <header className="top-bar">
      <a className="brand" href={routeHref({ page: 'documents' })}>
        <span className="brand-mark" aria-hidden="true">文</span>
        <span className="brand-name">文稿台</span>
      </a>
      <nav className="top-nav" aria-label="主导航">
        <a href={routeHref({ page: 'documents' })} aria-current={inDocuments ? 'page' : undefined}>文稿</a>
        <a href={routeHref({ page: 'inbox' })} aria-current={route.page === 'inbox' ? 'page' : undefined}>
          待办{waiting > 0 && <span className="nav-count" aria-label={`${waiting} 件`}>{waiting}</span>}
        </a>
        <a href={routeHref({ page: 'commissions' })} aria-current={route.page === 'commissions' ? 'page' : undefined}>
          约稿{commissionAlerts > 0 && <span className="nav-count" aria-label={`${commissionAlerts} 件即将到期或已逾期`}>{commissionAlerts}</span>}
        </a>
        <a href={routeHref({ page: 'ledger' })} aria-current={route.page === 'ledger' ? 'page' : undefined}>报送台账</a>
        <a href={routeHref({ page: 'dashboard' })} aria-current={route.page === 'dashboard' ? 'page' : undefined}>统计</a>
        {(isAdmin || user.roles.includes('clerk')) && (
          <a href={routeHref({ page: 'outlets' })} aria-current={route.page === 'outlets' ? 'page' : undefined}>刊物与媒体</a>
        )}
        {isAdmin && (
          <a href={routeHref({ page: 'admin' })} aria-current={route.page === 'admin' ? 'page' : undefined}>
            用户管理
          </a>
        )}
        {isAdmin && (
          <a href={routeHref({ page: 'templates' })} aria-current={route.page === 'templates' ? 'page' : undefined}>模板</a>
        )}
        {isAdmin && (
          <a href={routeHref({ page: 'chains' })} aria-current={route.page === 'chains' ? 'page' : undefined}>审核流程</a>
        )}
        {isAdmin && (
          <a href={routeHref({ page: 'proofing' })} aria-current={route.page === 'proofing' ? 'page' : undefined}>审校词表</a>
        )}
        {isAdmin && (
          <a href={routeHref({ page: 'audit' })} aria-current={route.page === 'audit' ? 'page' : undefined}>审计日志</a>
        )}
        {isDesktop() && (
          <a href={routeHref({ page: 'settings' })} aria-current={route.page === 'settings' ? 'page' : undefined}>设置</a>
        )}
      </nav>
      <div className="top-user">
        <a className="top-help" href={routeHref({ page: 'help' })} aria-current={route.page === 'help' ? 'page' : undefined}>使用说明</a>
        <span className="user-name" title={user.username}>{user.displayName}</span>
        <button type="button" className="button ghost" onClick={() => void signOut()}>退出登录</button>
      </div>
    </header>
  );
}
