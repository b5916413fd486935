/** The login page: 用户名, 密码, 登录; shows the server's message when login fails. */
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { useSession } from '../../app/session';
import { ErrorText } from '../../ui/Notice';

export function LoginPage() {
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('请输入用户名和密码');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      signIn(await deskApi.login(username.trim(), password));
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={submit} noValidate>
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true">文</span>
          <h1>文稿台</h1>
        </div>
        <p className="auth-subtitle">协同起草 · 审核 · 签发</p>
        <label className="field">
          <span>用户名</span>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
          />
        </label>
        <label className="field">
          <span>密码</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorText message={error} />
        <button type="submit" className="button primary wide" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </main>
  );
}
