/**
 * Catches a page that fails to render or to load (a lazily loaded page whose file the server could
 * not deliver), and offers a reload instead of a blank window.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State { failed: boolean }

export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    // Navigating elsewhere gives the next page its own chance.
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="page">
        <p className="error-text" role="alert">页面加载失败，可能是与服务器的连接中断了。</p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>重新加载</button>
      </main>
    );
  }
}
