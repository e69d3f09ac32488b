// Tests the path helpers of the file commands (the back end may use either separator) and default file names.
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../shared/design';
import { baseName, fileNameFor, folderOf, joinPath } from './file-paths';

describe('file paths', () => {
  it('splits and joins POSIX and Windows paths with the separator the back end used', () => {
    expect(baseName('/home/ana/pods/web.pod.yaml')).toBe('web.pod.yaml');
    expect(folderOf('/home/ana/pods/web.pod.yaml')).toBe('/home/ana/pods');
    expect(folderOf('/web.yaml')).toBe('/');
    expect(joinPath('/home/ana', 'web.yaml')).toBe('/home/ana/web.yaml');
    expect(joinPath('/', 'web.yaml')).toBe('/web.yaml');
    expect(baseName('C:\\Users\\ana\\web.yaml')).toBe('web.yaml');
    expect(folderOf('C:\\Users\\ana\\web.yaml')).toBe('C:\\Users\\ana');
    expect(joinPath('C:\\Users\\ana', 'web.yaml')).toBe('C:\\Users\\ana\\web.yaml');
  });

  it('names a new file after the Pod and keeps a design file name as it is', () => {
    const doc = emptyDocument();
    expect(fileNameFor({ ...doc, pod: { ...doc.pod, metadata: { name: 'web app' } } }, null)).toBe('web-app.pod.yaml');
    expect(fileNameFor(doc, 'mine.yml')).toBe('mine.yml');
    expect(fileNameFor(doc, 'mine.podwright.json')).toBe('mine.podwright.json');
    expect(fileNameFor(doc, 'notes')).toBe('notes.pod.yaml');
  });
});
