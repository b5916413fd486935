/** The dialogs of 用户管理: 新建用户, 编辑用户 (name, 部门 and roles), 重置密码. */
import { useState } from 'react';
import type { User } from '../../../shared/api';
import { PASSWORD_RULE } from '../../../shared/textLimits';
import { DEPARTMENT_MAX } from '../../../core/domain/departments';
import type { Role } from '../../../core/domain/roles';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';
import { RoleCheckboxes } from './RoleCheckboxes';

/** The 部门 field: a short text, optional (会签 may draw its holders from departments). */
function DepartmentField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <label className="field"><span>部门（可选）</span>
      <input value={value} maxLength={DEPARTMENT_MAX} placeholder="如：办公室" onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function useSubmit(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };
  return { error, setError, busy, submit };
}

export function CreateUserDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['writer']);
  const [department, setDepartment] = useState('');
  const { error, setError, busy, submit } = useSubmit(onDone);

  const create = () => {
    if (!username.trim() || !displayName.trim()) return setError('请填写用户名和显示名称');
    if (password.length < PASSWORD_RULE.min) return setError(PASSWORD_RULE.tooShort);
    void submit(() => deskApi.createUser({ username: username.trim(), displayName: displayName.trim(), password, roles, department: department.trim() }));
  };

  return (
    <Dialog title="新建用户" onClose={onClose} onSubmit={create} footer={<>
      <button type="button" className="button" onClick={onClose}>取消</button>
      <button type="submit" className="button primary" disabled={busy}>创建</button>
    </>}>
      <label className="field"><span>用户名</span>
        <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" autoFocus />
      </label>
      <label className="field"><span>显示名称</span>
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <DepartmentField value={department} onChange={setDepartment} />
      <label className="field"><span>密码</span>
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
      </label>
      <RoleCheckboxes value={roles} onChange={setRoles} />
      <ErrorText message={error} />
    </Dialog>
  );
}

export function EditUserDialog({ user, isSelf, onClose, onDone }: {
  user: User;
  isSelf: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [department, setDepartment] = useState(user.department ?? '');
  const { error, setError, busy, submit } = useSubmit(onDone);

  const save = () => {
    if (!displayName.trim()) return setError('请填写显示名称');
    void submit(() => deskApi.updateUser(user.id, { displayName: displayName.trim(), roles, department: department.trim() }));
  };

  return (
    <Dialog title={`编辑用户：${user.username}`} onClose={onClose} onSubmit={save} footer={<>
      <button type="button" className="button" onClick={onClose}>取消</button>
      <button type="submit" className="button primary" disabled={busy}>保存</button>
    </>}>
      <label className="field"><span>显示名称</span>
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoFocus />
      </label>
      <DepartmentField value={department} onChange={setDepartment} />
      {/* An administrator cannot take the admin role from themselves and lock everyone out. */}
      <RoleCheckboxes value={roles} onChange={setRoles} disabledRoles={isSelf ? ['admin'] : []} />
      <ErrorText message={error} />
    </Dialog>
  );
}

export function ResetPasswordDialog({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const { error, setError, busy, submit } = useSubmit(onDone);

  const save = () => {
    if (password.length < PASSWORD_RULE.min) return setError(PASSWORD_RULE.tooShort);
    void submit(() => deskApi.updateUser(user.id, { password }));
  };

  return (
    <Dialog title={`重置密码：${user.displayName}`} onClose={onClose} onSubmit={save} footer={<>
      <button type="button" className="button" onClick={onClose}>取消</button>
      <button type="submit" className="button primary" disabled={busy}>保存</button>
    </>}>
      <label className="field"><span>新密码</span>
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" autoFocus />
      </label>
      <ErrorText message={error} />
    </Dialog>
  );
}
