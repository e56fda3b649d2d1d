// A malformed allow entry is reported without echoing what could be a password.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDiagnostic } from '../../../src/model/errors.ts';
import { lines as l, load } from './helpers.ts';

test('an allow entry with a space in the password is an error that does not show the password', () => {
  const result = load(l('httpd:', '  allow: ["admin:s3cret phrase"]', 'checks: []'));
  assert.equal(result.ok, false);
  const text = (result.ok ? [] : result.errors).map(formatDiagnostic).join('\n');
  assert.match(text, /TSM_E_HTTPD/);
  assert.match(text, /'admin:\.\.\.'/);
  assert.doesNotMatch(text, /s3cret|phrase/);
});
