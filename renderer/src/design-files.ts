// Everything the app does with YAML text on its first screen's behalf: opening a design (and telling a Compose file
// from one), writing it for Save, drafts and downloads, and clipboard fragments. It loads as a later part (files-part.ts)
// with the YAML library, so the first screen carries neither.
export { openDesign, writeDesign } from '../../shared/design/design-file';
export {
  copyFragment,
  duplicateSelection,
  fragmentText,
  pasteFragment,
  readFragment,
} from '../../shared/design/clipboard';
export { isComposeText } from '../../shared/manifest/compose/detect';
