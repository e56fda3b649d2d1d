export { createFileInspector, type FileInspectorOptions } from './inspector.ts';
export { readNewLines } from './content-reader.ts';
export { fileChecksums } from './checksums.ts';
