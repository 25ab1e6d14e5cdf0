import { Menu, type MenuItemConstructorOptions } from 'electron';

/** The standard menu roles, so copy/paste, zoom and window shortcuts work as users expect. */
export function buildMenuTemplate(platform: NodeJS.Platform, appName: string): MenuItemConstructorOptions[] {
  const macApp: MenuItemConstructorOptions[] =
    platform === 'darwin'
      ? [
          {
            label: appName,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          },
        ]
      : [];
  return [
    ...macApp,
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}

export function installAppMenu(platform: NodeJS.Platform, appName: string): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(platform, appName)));
}
