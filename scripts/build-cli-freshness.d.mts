// Types for scripts/build-cli-freshness.mjs, for the TypeScript that imports it (bench/shell.ts, specs).
export const MANIFEST_NAME: string;
export interface FileStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}
export interface Manifest {
  format: number;
  entries: Record<string, string>;
  inputs: Record<string, FileStamp>;
}
export function stampFiles(root: string, files: Iterable<string>): Record<string, FileStamp>;
export function makeManifest(entries: Record<string, string>, inputs: Record<string, FileStamp>): Manifest;
export function firstChangedInput(root: string, inputs: Record<string, FileStamp>): string | null;
export function freshBundleEntry(root: string, bundleDir: string, entry: string): string | null;
