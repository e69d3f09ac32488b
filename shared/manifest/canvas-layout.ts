// The canvas layout a project file's Pod (or a Service) carries in its annotation, and its reading: apart from
// project.ts, which edits YAML text, because the canvas reads Service positions on the first screen, before the app
// loads YAML (renderer/src/files-part.ts).
import { z } from 'zod';
import { isRecord } from '../model/record';
import { layoutAnnotation } from './layout-annotation';

/** Where canvas nodes sit. Keys are node ids (container, volume or namespace ids); unknown fields are kept. */
export const CanvasLayout = z
  .object({
    version: z.literal(1).default(1),
    nodes: z.record(z.string(), z.looseObject({ x: z.number().finite(), y: z.number().finite() })),
  })
  .loose();
export type CanvasLayout = z.infer<typeof CanvasLayout>;

/** The annotation holds JSON written by Podwright, but a hand-edited file may hold anything: cap it and check it. */
const maxLayoutLength = 1024 * 1024;

/** `value[key]` when `value` is a mapping that has `key` of its own (never an inherited property). */
const own = (value: unknown, key: string): unknown =>
  isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;

/** The layout stored on a Pod, or undefined when there is none or it does not parse (the canvas then lays out afresh). */
export function readLayout(pod: unknown): CanvasLayout | undefined {
  const raw = own(own(own(pod, 'metadata'), 'annotations'), layoutAnnotation);
  if (typeof raw !== 'string' || raw.length > maxLayoutLength) return undefined;
  try {
    const parsed = CanvasLayout.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
