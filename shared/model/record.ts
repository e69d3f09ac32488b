// The one test of "a plain object" the model's readers share (rules/context.ts re-exports it), in a module of its own so
// code that needs only it loads none of the rules with it.
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
