/**
 * First run: no user exists yet, so the administrator is created here. The server allows this only
 * from its own machine; elsewhere the page says so.
 */
import { useState, type FormEvent } from 'react';
import { PASSWORD_RULE } from '../../../shared/textLimits';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { useSession } from '../../app/session';
import { ErrorText } from '../../ui/Notice';

export function SetupPage({ allowed }: { allowed: boolean }) {
  const { signIn } = useSession();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!allowed) {
    return (
      <main className="auth-page">
        <section className="auth-card" aria-labelledby="setup-title">
          <h1 id="setup-title">初始化</h1>
          <p className="auth-note">
            文稿台尚未初始化。为安全起见，请在服务器所在的计算机上打开本页面，创建管理员账号。
          </p>
        </section>
      </main>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < PASSWORD_RULE.min) return setError(PASSWORD_RULE.tooShort);
    if (password !== confirm) return setError('两次输入的密码不一致');
    setBusy(true);
    setError(null);
    try {
      signIn(await deskApi.setup(password, displayName.trim() || undefined));
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">初始化</h1>
        <p className="auth-note">创建管理员账号（用户名 admin）。之后可在“用户管理”中添加其他用户。</p>
        <label className="field">
          <span>显示名称</span>
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} placeholder="管理员" />
        </label>
        <label className="field">
          <span>密码</span>
          <input type="password" autoComplete="new-password" value={password}
            onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label className="field">
          <span>确认密码</span>
          <input type="password" autoComplete="new-password" value={confirm}
            onChange={(e) => setConfirm(e.target.value)} />
        </label>
        <ErrorText message={error} />
        <button type="submit" className="button primary wide" disabled={busy}>创建管理员</button>
      </form>
    </main>
  );
}
