// Must show 2: converting any model that has a monit spelling to a monit control file and reading it
// back gives the same model (and the same for YAML, the other half of `tsmonit convert`).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { configToMonitrc, configToYaml } from '../../../src/config/convert/index.ts';
import { formatDiagnostic } from '../../../src/model/errors.ts';
import { ENV, loadMonitrc, loadYaml, placeless } from './helpers.ts';
import { configModel } from './model-arbitraries.ts';

describe('convert: property', () => {
  test('model -> monitrc -> model is the same model', () => {
    fc.assert(
      fc.property(configModel(ENV), (model) => {
        const text = configToMonitrc(model, ENV);
        const r = loadMonitrc(text, 'generated.monitrc');
        assert.ok(r.ok, `${r.ok ? '' : r.errors.map(formatDiagnostic).join('\n')}\n${text}`);
        assert.deepStrictEqual(placeless(r.config), placeless(model), text);
      }),
      { numRuns: 300 },
    );
  });

  test('model -> YAML -> model is the same model', () => {
    fc.assert(
      fc.property(configModel(ENV), (model) => {
        const text = configToYaml(model, ENV);
        const r = loadYaml(text);
        assert.ok(r.ok, `${r.ok ? '' : r.errors.map(formatDiagnostic).join('\n')}\n${text}`);
        assert.deepStrictEqual(placeless(r.config), placeless(model), text);
      }),
      { numRuns: 300 },
    );
  });
});
