/** 用户管理 (administrators): accounts, their 部门 and roles, 重置密码, 停用 / 启用. */
import { useState } from 'react';
import type { User } from '../../../shared/api';
import { ROLE_LABELS } from '../../../core/domain/roles';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { useCurrentSession } from '../../app/session';
import { EmptyState, ErrorText, Loading } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import { CreateUserDialog, EditUserDialog, ResetPasswordDialog } from './UserDialogs';

type Editing = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

export function UserAdminPage() {
  const { user: me } = useCurrentSession();
  const loaded = useLoad(async () => (await deskApi.listUsers()).users, []);
  const users = loaded.data;
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);

  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    loaded.reload();
  };

  const toggleDisabled = async (user: User) => {
    try {
      await deskApi.updateUser(user.id, { disabled: !user.disabled });
      done(user.disabled ? `已启用 ${user.displayName}` : `已停用 ${user.displayName}`);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <main className="page">
      <div className="page-header">
        <h1>用户管理</h1>
        <div className="page-actions">
          <button type="button" className="button primary" onClick={() => setEditing({ kind: 'create' })}>新建用户</button>
        </div>
      </div>
      <ErrorText message={error ?? loaded.error} />
      <p className="notice" role="status">{notice}</p>
      {users === null ? (error || loaded.error ? null : <Loading />) : users.length === 0 ? <EmptyState>暂无用户</EmptyState> : (
        <table className="doc-table">
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">显示名称</th>
              <th scope="col">部门</th>
              <th scope="col">角色</th>
              <th scope="col">状态</th>
              <th scope="col"><span className="visually-hidden">操作</span></th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className={user.disabled ? 'row-disabled' : undefined}>
                <td>{user.username}</td>
                <td>{user.displayName}</td>
                <td>{user.department ?? <span className="muted">—</span>}</td>
                <td>
                  <span className="role-list">
                    {user.roles.length === 0 ? <span className="muted">无</span>
                      : user.roles.map((r) => <span key={r} className="role-tag">{ROLE_LABELS[r]}</span>)}
                  </span>
                </td>
                <td>{user.disabled ? <span className="state-tag state-disabled">已停用</span> : <span className="state-tag state-active">正常</span>}</td>
                <td className="row-actions">
                  <button type="button" className="button small" onClick={() => setEditing({ kind: 'edit', user })}>
                    编辑
                  </button>
                  <button type="button" className="button small" onClick={() => setEditing({ kind: 'password', user })}>
                    重置密码
                  </button>
                  {user.id !== me.id && (
                    <button type="button" className={`button small ${user.disabled ? '' : 'danger'}`}
                      onClick={() => void toggleDisabled(user)}>
                      {user.disabled ? '启用' : '停用'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing?.kind === 'create' && (
        <CreateUserDialog onClose={() => setEditing(null)} onDone={() => done('已创建用户')} />
      )}
      {editing?.kind === 'edit' && (
        <EditUserDialog user={editing.user} isSelf={editing.user.id === me.id}
          onClose={() => setEditing(null)} onDone={() => done('已保存')} />
      )}
      {editing?.kind === 'password' && (
        <ResetPasswordDialog user={editing.user} onClose={() => setEditing(null)}
          onDone={() => done(`已重置 ${editing.user.displayName} 的密码`)} />
      )}
    </main>
  );
}
