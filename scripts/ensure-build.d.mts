export function serverEntry(root?: string): string;
export function ensureBuild(root?: string): void;
