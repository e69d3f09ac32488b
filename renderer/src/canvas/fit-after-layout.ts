// After an automatic layout moves the nodes the view is fitted to them again. While something frames the view itself
// (a lesson step beside its card), that framing runs instead: a plain fit would put the Pod back under the card (a
// lesson's example laid out by a slow ELK after the step had framed it, seen in CI).
import { fitClear } from './fit-clear';

let framer: (() => void) | undefined;

/** Makes `frame` what runs after a layout, until the function returned is called. */
export function frameAfterLayout(frame: () => void): () => void {
  framer = frame;
  return () => {
    if (framer === frame) framer = undefined;
  };
}

/** Fits the view on the next frame: the framer's way when one is set, else the whole design at most at 100 %. */
export function fitAfterLayout(): void {
  requestAnimationFrame(() => {
    if (framer) framer();
    else void fitClear({ maxZoom: 1, duration: 200 });
  });
}
