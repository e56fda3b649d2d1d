// The FileInspector port: stat, digests and new content lines of one path per check.
import type { PathObservation } from '../../model/observation.ts';
import type { FileInspector, PathInspection } from '../../model/ports.ts';
import { fileChecksums } from './checksums.ts';
import { readNewLines } from './content-reader.ts';
import { statPath } from './path-stat.ts';

export interface FileInspectorOptions {
  /** Most bytes of content read per check (tests make it small). */
  maxReadBytes?: number;
}

export function createFileInspector(options: FileInspectorOptions = {}): FileInspector {
  return {
    async inspect(request: PathInspection): Promise<PathObservation> {
      const { path } = request;
      const seen = await statPath(path);
      const observation: PathObservation = 'stat' in seen
        ? { path, stat: seen.stat, detail: '', checksums: {} }
        : { path, stat: null, detail: seen.detail, checksums: {} };
      // Only a regular file is opened: opening a fifo would block until a writer comes.
      const regular = observation.stat?.kind === 'file';
      if (regular && request.checksums.length > 0) {
        const sums = await fileChecksums(path, request.checksums);
        observation.checksums = sums.checksums;
        if (sums.error) observation.checksumError = sums.error;
      }
      if (request.content && (regular || observation.stat === null)) {
        const readOptions = { lineLimitBytes: request.content.lineLimitBytes, ...(options.maxReadBytes ? { maxReadBytes: options.maxReadBytes } : {}) };
        observation.content = await readNewLines(path, request.content.cursor, readOptions);
      }
      return observation;
    },
  };
}
