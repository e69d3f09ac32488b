// Whether a text is a Compose file, apart from the reader itself: the app asks it of every file it opens, and loads the
// Compose reader (the rest of this folder) only when the answer is yes.
import { isRecord, parseManifest } from '../parse';

/**
 * Whether a text is a Compose file rather than Kubernetes YAML: its first document is a mapping with `services:` and
 * no `kind` or `apiVersion` (the one reader's detection rule).
 */
export function isComposeText(text: string): boolean {
  // A cheap look first: most Kubernetes files never mention services at the top level.
  if (!/^\s*["']?services["']?\s*:/m.test(text) && !/"services"\s*:/.test(text)) return false;
  const file = parseManifest(text, { maxDocuments: 100 });
  const first = file.documents.find((d) => d.value !== null && d.value !== undefined)?.value;
  return isRecord(first) && 'services' in first && !('kind' in first) && !('apiVersion' in first);
}
