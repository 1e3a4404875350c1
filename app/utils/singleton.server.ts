/**
 * One instance per process, even when the same module is loaded twice (the React Router
 * build and server.ts each import app code, and Vite reloads modules in dev).
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __steppingstone?: Map<string, unknown> };
  store.__steppingstone ??= new Map();
  if (!store.__steppingstone.has(name)) store.__steppingstone.set(name, create());
  return store.__steppingstone.get(name) as T;
}
