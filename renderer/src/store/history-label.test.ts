import { describe, expect, it } from 'vitest';
import type { CanvasDocument } from '../../../shared/design';
import { stepLabel, type HistorySlice } from './history-label';

function slice(spec: Record<string, unknown>, layout: CanvasDocument['layout'] = {}, name = 'web'): HistorySlice {
  const doc = { pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec }, layout, pidJoins: null };
  return { doc: doc as unknown as CanvasDocument, others: [], active: 0, companions: [], typed: undefined };
}

const api = { name: 'api', image: 'nginx:1.27' };
const log = { name: 'log', image: 'busybox:1.36' };

describe('stepLabel', () => {
  it('names what a step did to containers, volumes, the layout and the Pod', () => {
    const one = slice({ containers: [api] });
    expect(stepLabel(one, slice({ containers: [api, log] }))).toEqual({ key: 'add', args: { name: 'log' } });
    expect(stepLabel(slice({ containers: [api, log] }), one)).toEqual({ key: 'delete', args: { name: 'log' } });
    expect(stepLabel(one, slice({ containers: [{ ...api, name: 'gw' }] }))).toEqual({
      key: 'rename',
      args: { from: 'api', to: 'gw' },
    });
    expect(stepLabel(one, slice({ containers: [{ ...api, image: 'nginx:1.28' }] }))).toEqual({
      key: 'changeField',
      args: { name: 'api', field: 'image' },
    });
    const vol = { name: 'data', emptyDir: {} };
    expect(stepLabel(one, slice({ containers: [api], volumes: [vol] }))).toEqual({
      key: 'add',
      args: { name: 'data' },
    });
    expect(stepLabel(one, slice({ containers: [api] }, {}, 'shop'))).toEqual({
      key: 'renamePod',
      args: { name: 'shop' },
    });
    const at = (x: number) => ({ 'container:api': { x, y: 0 }, 'volume:data': { x: 0, y: 200 } });
    const placed = slice({ containers: [api] }, at(0));
    const moved = { ...placed, doc: { ...placed.doc, layout: at(40) } };
    expect(stepLabel(placed, moved)).toEqual({ key: 'move', args: { name: 'api' } });
    const both = {
      ...placed,
      doc: { ...placed.doc, layout: { 'container:api': { x: 9, y: 9 }, 'volume:data': { x: 9, y: 9 } } },
    };
    expect(stepLabel(placed, both)).toEqual({ key: 'moveMany', args: { count: 2 } });
  });

  it('names typing in the YAML panel as such, and a Pod added or deleted', () => {
    const one = slice({ containers: [api] });
    const typed = { ...slice({ containers: [{ ...api, image: 'x' }] }), typed: { text: 'image: x' } };
    expect(stepLabel(one, typed)).toEqual({ key: 'yaml' });
    expect(stepLabel(one, { ...one, others: [one.doc], doc: slice({}, {}, 'pod-2').doc, active: 1 })).toEqual({
      key: 'addPod',
      args: { name: 'pod-2' },
    });
  });
});
