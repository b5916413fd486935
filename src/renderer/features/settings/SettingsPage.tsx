/**
 * 设置 (desktop only): which desk server the app uses — its own embedded one, or the team's server.
 * A change takes effect the next time the app starts.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { DeskServerInfo } from '../../../shared/desk';
import { desk } from '../../platform/desk';
import './settings.css';
import { ErrorText, Loading } from '../../ui/Notice';

export function SettingsPage() {
  const bridge = desk();
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [current, setCurrent] = useState<DeskServerInfo | null>(null);
  const [version, setVersion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!bridge) return;
    void bridge.getSettings().then((s) => setServerUrl(s.teamServerUrl));
    void bridge.server().then(setCurrent);
    void bridge.appVersion().then(setVersion);
  }, [bridge]);

  if (!bridge) {
    return <main className="page"><h1>设置</h1><p className="muted-state">设置只在桌面版中提供。</p></main>;
  }
  if (serverUrl === null) return <main className="page"><Loading /></main>;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await bridge.setSettings({ teamServerUrl: serverUrl });
      setSaved(true);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message.replace(/^Error invoking remote method '[^']+': (Error: )?/, '') : String(caught));
    }
  };

  return (
    <main className="page">
      <h1>设置</h1>
      <form className="form-card" onSubmit={(e) => void save(e)}>
        <label className="field">
          <span>团队服务器地址</span>
          <input
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
            placeholder="留空则使用本机内置服务器，例如 https://wengao.example.gov.cn"
            aria-describedby="server-help"
          />
        </label>
        <p id="server-help" className="muted-state">
          当前：{current?.mode === 'team' ? `团队服务器 ${current.url}` : '本机内置服务器'}。更改在重新启动文稿台后生效。
        </p>
        <ErrorText message={error} />
        {saved && <p role="status">已保存，重新启动文稿台后生效。</p>}
        <div className="form-actions"><button type="submit" className="button primary">保存</button></div>
      </form>
      {version && <p className="muted-state">文稿台 {version}</p>}
    </main>
  );
}
