import { describe, expect, it } from 'vitest';
import { serverStoppedNotice } from './serverNotices';

describe('serverStoppedNotice', () => {
  it('says in Chinese that the server stopped, offers 重新启动 first, and names the log file', () => {
    const notice = serverStoppedNotice(5, '/home/wang/.config/文稿台/logs/server.log');
    expect(notice.message).toBe('文稿台的本机服务反复出错，已停止自动重启。');
    expect(notice.buttons[0]).toBe('重新启动');
    expect(notice.detail).toContain('两分钟内出错 5 次');
    expect(notice.detail).toContain('日志文件：/home/wang/.config/文稿台/logs/server.log');
  });
});
