// Test support: the objects of a manifest text exactly as the one reader hands them to object checkers
// (DesignRead.objects: every object that is not a Pod, List items one by one).
import { readDesign } from '../../manifest/read';
import type { ObjectRecord } from './object-rule';

export function objectRecords(text: string): ObjectRecord[] {
  return readDesign(text, { name: 'test' }).objects;
}
