/** What the shell tells the user about its embedded server, in Chinese (the dialog's parts). */
export interface Notice { title: string; message: string; detail: string; buttons: string[] }

/**
 * The embedded server crashed `crashes` times in a short while and is no longer restarted. Buttons:
 * 重新启动 (0), 显示日志文件 (1), 关闭 (2).
 */
export function serverStoppedNotice(crashes: number, logFile: string): Notice {
  return {
    title: '文稿台',
    message: '文稿台的本机服务反复出错，已停止自动重启。',
    detail: [
      `本机服务在两分钟内出错 ${crashes} 次。打开的文稿仍在本机保存，服务恢复后会自动同步，不会丢失。`,
      '请点“重新启动”再试一次；如果仍然出错，请把日志文件发给管理员。',
      `日志文件：${logFile}`,
    ].join('\n\n'),
    buttons: ['重新启动', '显示日志文件', '关闭'],
  };
}
