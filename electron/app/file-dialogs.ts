// Electron's native open/save dialogs as the back end's FileDialogs capability (electron/files never imports electron).
import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FileDialogs } from '../files/files-api';

const designFilters = [
  { name: 'Pod designs', extensions: ['yaml', 'yml', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

/** `owner` is the window the dialog belongs to (modal on it), when there is one. */
export function nativeFileDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  owner: () => BaseWindow | null,
): FileDialogs {
  return {
    async showOpen({ defaultDirectory }) {
      const options: OpenDialogOptions = {
        defaultPath: defaultDirectory,
        properties: ['openFile'],
        filters: designFilters,
      };
      const window = owner();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    async showFolder({ defaultDirectory }) {
      const options: OpenDialogOptions = {
        defaultPath: defaultDirectory,
        properties: ['openDirectory', 'createDirectory'],
      };
      const window = owner();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    async showSave({ defaultPath }) {
      const options: SaveDialogOptions = {
        defaultPath,
        filters: designFilters,
        properties: ['showOverwriteConfirmation'],
      };
      const window = owner();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
  };
}
