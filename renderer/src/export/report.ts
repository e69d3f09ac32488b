// What the first screen needs of the manifest export (export.ts loads later): the kinds and destinations the actions
// list, and the report the dialog shows after an export.
import { create } from 'zustand';
import type { ExportAs } from '../../../shared/design/export-design';
import type { Diagnostic } from '../../../shared/model/diagnostic';

export type ExportDestination = 'file' | 'folder' | 'clipboard';

export const exportKinds: readonly ExportAs[] = ['pod', 'deployment', 'compose'];
export const exportDestinations: readonly ExportDestination[] = ['file', 'folder', 'clipboard'];

/** What the report dialog shows after an export: where it went and what it could not say, or why it was refused. */
export type ExportReport =
  | { kind: 'done'; as: ExportAs; destination: ExportDestination; where: string; files: string[]; notes: string[] }
  | { kind: 'refused'; as: ExportAs; reason: string; problems: readonly Diagnostic[] };

export const useExportReport = create<{ report: ExportReport | undefined }>(() => ({ report: undefined }));
