// Tests where a layout computed for a Pod opened without positions goes after an edit made while ELK worked.
import { describe, expect, it } from 'vitest';
import { addContainer, emptyDocument, moveNodes, type CanvasDocument } from '../../../shared/design';
import { landingOf } from './opened-landing';

const opened = addContainer(emptyDocument(), { name: 'app', image: 'busybox:1.36' }, 'containers').doc;
const renamed = (doc: CanvasDocument, name: string): CanvasDocument => ({
  ...doc,
  pod: { ...doc.pod, metadata: { ...doc.pod.metadata, name } },
});

describe('landingOf', () => {
  it('puts the positions on the Pod they were computed for when nothing changed', () => {
    expect(landingOf(opened, opened)).toEqual({ onto: opened });
  });

  it('puts them on the edited Pod when it draws the same nodes (its name typed a key at a time)', () => {
    const now = renamed(opened, 'storefront');
    expect(landingOf(opened, now)).toEqual({ onto: now });
  });

  it('asks for a new layout when the nodes changed', () => {
    const now = addContainer(opened, { name: 'web', image: 'busybox:1.36' }, 'containers').doc;
    expect(landingOf(opened, now)).toBe('again');
  });

  it('leaves a Pod placed since (a drag) and a Pod gone alone', () => {
    expect(landingOf(opened, moveNodes(opened, { 'container:app': { x: 10, y: 10 } }))).toBe('drop');
    expect(landingOf(opened, undefined)).toBe('drop');
  });
});
