// What one control file contributes, whatever its spelling (YAML now, monitrc later):
// the global settings (main file only), its services, its includes and its diagnostics.
import type { Config } from '../model/config.ts';
import type { Diagnostic, SourcePos } from '../model/errors.ts';
import type { ServiceSpec } from '../model/service.ts';

export type Globals = Omit<Config, 'files' | 'services'>;

export interface IncludeRef {
  pattern: string;
  pos: SourcePos;
}

/** A service with the positions that cross-file validation points at. */
export interface ServiceDraft {
  spec: ServiceSpec;
  namePos: SourcePos;
  /** Each `depends` entry and where it is written. */
  dependsAt: ReadonlyMap<string, SourcePos>;
}

export interface FileContribution {
  file: string;
  /** Present for a main file that parsed; included files carry checks only. */
  globals?: Globals;
  services: ServiceDraft[];
  includes: IncludeRef[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** Where the first password is written (for the file-permission warning). */
  secretsAt?: SourcePos;
  /** Further files read into this one (monit's `include` is textual: those files are spliced in). */
  alsoRead?: string[];
}
