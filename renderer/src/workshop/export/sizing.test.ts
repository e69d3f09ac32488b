import { describe, expect, it } from 'vitest';
import { designImage, imageFileName, viewImage } from './sizing';

describe('canvas image sizing', () => {
  it('draws the whole design at 2x with padding, moving its top-left corner into the picture', () => {
    const plan = designImage({ x: -40, y: -114, width: 1060, height: 560 });
    expect(plan).toEqual({
      width: 1124,
      height: 624,
      pixelRatio: 2,
      pixelWidth: 2248,
      pixelHeight: 1248,
      viewport: { x: 72, y: 146, zoom: 1 },
    });
  });

  it('caps a wide design at 3840 pixels, keeping the aspect ratio', () => {
    const plan = designImage({ x: 0, y: 0, width: 2936, height: 700 });
    expect(plan.width).toBe(3000);
    expect(plan.pixelWidth).toBe(3840);
    expect(plan.pixelRatio).toBeCloseTo(1.28, 3);
    expect(plan.pixelHeight).toBe(Math.floor(764 * plan.pixelRatio));
  });

  it('caps a tall design on its height', () => {
    const plan = designImage({ x: 0, y: 0, width: 400, height: 5000 }, { padding: 0 });
    expect(plan.pixelHeight).toBe(3840);
    expect(plan.pixelWidth).toBe(Math.floor(400 * plan.pixelRatio));
  });

  it('exports the current view at the canvas size and keeps its viewport', () => {
    const plan = viewImage({ width: 900.4, height: 600 }, { x: 10, y: 20, zoom: 0.75 });
    expect(plan).toMatchObject({ width: 901, height: 600, pixelWidth: 1802, pixelHeight: 1200 });
    expect(plan.viewport).toEqual({ x: 10, y: 20, zoom: 0.75 });
  });

  it('never plans an empty picture', () => {
    expect(viewImage({ width: 0, height: 0 }, { x: 0, y: 0, zoom: 1 })).toMatchObject({ width: 1, height: 1 });
  });

  it('names files after the Pod, the area and the overlay', () => {
    expect(imageFileName('helloworld', 'design', true, 'png')).toBe('helloworld-design-namespaces.png');
    expect(imageFileName('', 'view', false, 'svg')).toBe('pod-view.svg');
    expect(imageFileName('a/b c', 'view', false, 'svg')).toBe('a-b-c-view.svg');
  });
});
