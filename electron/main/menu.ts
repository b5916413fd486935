import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src/shared/desk';

export interface MenuActions {
  command(command: MenuCommand): void;
  about(): void;
  openUserGuide(): void;
}

/**
 * The application menu, in Chinese (文件, 编辑, 视图, 审阅, 帮助), with the usual shortcuts.
 * Editing commands use Electron's roles so they act on the focused field; app commands go to the
 * renderer as menu commands.
 */
export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{ label: '文稿台', submenu: [{ label: '关于文稿台', click: actions.about }, { type: 'separator' }, { role: 'quit', label: '退出文稿台' }] }]
    : [];
  return [
    ...appMenu,
    {
      label: '文件',
      submenu: [
        { label: '新建文稿', accelerator: 'CmdOrCtrl+N', click: () => actions.command('new-document') },
        { label: '保存版本', accelerator: 'CmdOrCtrl+S', click: () => actions.command('save-version') },
        { type: 'separator' },
        { label: '设置', accelerator: 'CmdOrCtrl+,', click: () => actions.command('open-settings') },
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: '退出' }]),
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
        { type: 'separator' },
        { label: '查找', accelerator: 'CmdOrCtrl+F', click: () => actions.command('find') },
        // ⌘H hides the application on macOS; ⌥⌘F is replace there (Pages, Xcode, TextEdit).
        { label: '替换', accelerator: mac ? 'Alt+Cmd+F' : 'Ctrl+H', click: () => actions.command('replace') },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '审阅',
      submenu: [
        { label: '保存版本', click: () => actions.command('save-version') },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: '使用说明', click: actions.openUserGuide },
        ...(mac ? [] : [{ label: '关于文稿台', click: actions.about }]),
      ],
    },
  ];
}
