export { createFilesystemStat, type FilesystemStatOptions } from './filesystem-stat.ts';
export { parseMountinfo, mountHolding, mountOfSource, type MountEntry } from './mountinfo.ts';
