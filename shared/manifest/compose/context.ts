// What the mapping of one project shares across its Pods: the options, the notes (each said once), the problems, and
// the companion objects (ConfigMaps, Secrets, claims, Services) in the order they were made.
import type { MessageParams } from '../../rules/types';
import type { KubeObject } from '../read';
import type { NoteCode } from './catalogue';
import type { ProjectModel } from './model';
import { note, type DesignNote, type DesignProblem } from './report';

export type VolumesMode = 'emptyDir' | 'pvc';

export class MapContext {
  readonly notes: DesignNote[] = [];
  readonly problems: DesignProblem[] = [];
  readonly objects: KubeObject[] = [];
  private readonly said = new Set<string>();
  private readonly gathered = new Map<string, { index: number; items: string[] }>();
  private readonly made = new Set<string>();

  constructor(
    readonly project: ProjectModel,
    readonly volumes: VolumesMode,
  ) {}

  /** Adds a note once per code and params (the same remark about two Pods is one remark). */
  say(code: NoteCode, params: MessageParams = {}, path?: string): void {
    const key = `${code}|${JSON.stringify(params)}`;
    if (this.said.has(key)) return;
    this.said.add(key);
    this.notes.push(note(code, params, path));
  }

  /**
   * Gathers one item of a note said once for many services (`"container_name" ... left out: a, b`): notes with the
   * same code and params become one, listing the items in `params[listParam]`.
   */
  gather(code: NoteCode, params: MessageParams, item: string, listParam = 'services'): void {
    const key = `${code}|${JSON.stringify(params)}`;
    let entry = this.gathered.get(key);
    if (!entry) {
      // The note takes its place now, so notes keep the order things were found in.
      entry = { index: this.notes.length, items: [] };
      this.gathered.set(key, entry);
      this.notes.push(note(code, params));
    }
    if (!entry.items.includes(item)) entry.items.push(item);
    this.notes[entry.index] = note(code, { ...params, [listParam]: entry.items.join(', ') });
  }

  /** Adds a companion object unless one of that kind and name is already there. */
  add(object: KubeObject): void {
    const meta = object.metadata as { name?: string } | undefined;
    const key = `${String(object.kind)}/${meta?.name ?? ''}`;
    if (this.made.has(key)) return;
    this.made.add(key);
    this.objects.push(object);
  }

  has(kind: string, name: string): boolean {
    return this.made.has(`${kind}/${name}`);
  }
}
