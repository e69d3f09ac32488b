// Tests the diagnostics derived from the document store: per node, the clashing ports, and sharing with the last answer.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { addContainer, containerPresets, emptyDocument, updateContainer } from '../../../shared/design';
import { useDocument } from './document';
import { countedProblems, diagnosticsOf } from './diagnostics';
import { graphOf } from './document';
import { checksPart, loadedChecks } from './checks-part';

const web = containerPresets.find((p) => p.id === 'webServer')!.container;

beforeEach(() => useDocument.getState().load(emptyDocument(), null));

// First, as the app starts: the rules load after the first screen (checks-part.ts).
describe('before the checks load', () => {
  it('shows no problems, then the problems of the same document once they arrive, with their words', async () => {
    const { change } = useDocument.getState();
    change((doc) => addContainer(doc, { name: 'bare' }, 'containers').doc);
    const doc = useDocument.getState().doc;
    expect(loadedChecks()).toBeUndefined();
    expect(diagnosticsOf(doc).all).toEqual([]);
    expect(i18n.exists('rules.CONTAINER_IMAGE_REQUIRED.title')).toBe(false);
    expect(i18n.exists('rules.WORKLOAD_REPLICAS_INVALID.title')).toBe(false);

    await checksPart.load();
    expect(diagnosticsOf(doc).all.map((x) => x.code)).toContain('CONTAINER_IMAGE_REQUIRED');
    expect(i18n.exists('rules.CONTAINER_IMAGE_REQUIRED.title')).toBe(true);
    expect(i18n.exists('rules.WORKLOAD_REPLICAS_INVALID.title')).toBe(true);
  });
});

describe('diagnostics of the document', () => {
  beforeAll(() => checksPart.load());

  it('derives diagnostics per node and the clashing ports', () => {
    const { change } = useDocument.getState();
    change((doc) => addContainer(doc, web, 'containers').doc);
    change((doc) => addContainer(doc, web, 'containers').doc);
    const d = diagnosticsOf(useDocument.getState().doc);
    expect(d.all.map((x) => x.code)).toContain('POD_PORT_CLASH');
    expect(d.byNode.get('container:web-2')?.map((x) => x.code)).toContain('POD_PORT_CLASH');
    expect([...d.clashingPorts].sort()).toEqual(['spec.containers[0].ports[0]', 'spec.containers[1].ports[0]']);
    // Same document, same answer object: views re-render only when something changed.
    expect(diagnosticsOf(useDocument.getState().doc)).toBe(d);
  });

  it('shares unchanged diagnostics with the last answer, so one edit redraws one badge', () => {
    const { change } = useDocument.getState();
    change((doc) => addContainer(doc, web, 'containers').doc);
    change((doc) => addContainer(doc, web, 'containers').doc);
    change((doc) => addContainer(doc, { name: 'bare' }, 'containers').doc);
    const before = diagnosticsOf(useDocument.getState().doc);
    const webList = before.byNode.get('container:web');
    expect(before.byNode.get('container:bare')?.map((x) => x.code)).toContain('CONTAINER_IMAGE_REQUIRED');

    // An edit that changes no problem: the whole answer is the same object.
    change((doc) => updateContainer(doc, 'containers', 0, (c) => ({ ...c, args: ['-g'] })));
    expect(diagnosticsOf(useDocument.getState().doc)).toBe(before);

    // Giving "bare" an image changes its problems only: the others keep their lists and the clash set.
    change((doc) => updateContainer(doc, 'containers', 2, (c) => ({ ...c, image: 'nginx:1.27' })));
    const after = diagnosticsOf(useDocument.getState().doc);
    expect(after).not.toBe(before);
    expect(after.byNode.get('container:bare')?.map((x) => x.code) ?? []).not.toContain('CONTAINER_IMAGE_REQUIRED');
    expect(after.byNode.get('container:web')).toBe(webList);
    expect(after.clashingPorts).toBe(before.clashingPorts);
    expect(after.all.length).toBeLessThan(before.all.length);
  });

  it('a brand-new empty Pod wears no badge and counts no problem, yet still needs a container to run', () => {
    const doc = useDocument.getState().doc;
    const d = diagnosticsOf(doc);
    expect(d.all.map((x) => x.code)).toContain('POD_CONTAINERS_REQUIRED');
    expect(d.byNode.get('pod')).toBeUndefined();
    expect(countedProblems(d.all, graphOf(doc))).toEqual([]);
    // With only an init container it is a real mistake (init containers do not count): it is flagged.
    useDocument.getState().change((x) => addContainer(x, { name: 'init', image: 'nginx' }, 'initContainers').doc);
    const withInit = diagnosticsOf(useDocument.getState().doc);
    expect(withInit.byNode.get('pod')?.map((x) => x.code)).toContain('POD_CONTAINERS_REQUIRED');
    expect(countedProblems(withInit.all, graphOf(useDocument.getState().doc)).map((x) => x.code)).toContain(
      'POD_CONTAINERS_REQUIRED',
    );
  });
});
