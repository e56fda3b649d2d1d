// `if failed uid memcache`: the engine compares numbers, so names are resolved once, at start and on reload.
import type { Config } from '../model/config.ts';
import type { Diagnostic } from '../model/errors.ts';
import type { UserDirectory } from '../model/ports.ts';
import type { Rule } from '../model/rule.ts';
import type { ServiceSpec } from '../model/service.ts';

export async function resolveIdentityNames(
  config: Config,
  users: UserDirectory,
): Promise<{ config: Config; errors: Diagnostic[] }> {
  const errors: Diagnostic[] = [];
  const resolveRule = async (spec: ServiceSpec, rule: Rule): Promise<Rule> => {
    const t = rule.test;
    if (t.kind !== 'identity' || typeof t.expect === 'number' || /^\d+$/.test(t.expect)) return rule;
    const id = t.field === 'gid' ? await users.gidOf(t.expect) : await users.uidOf(t.expect);
    if (id === null) {
      const what = t.field === 'gid' ? 'group' : 'user';
      errors.push({
        severity: 'error',
        code: 'TSM_E_VALUE',
        message: `'${spec.name}' rule "${rule.text}": there is no ${what} named "${t.expect}" on this system`,
        pos: rule.pos ?? spec.pos,
      });
      return rule;
    }
    return { ...rule, test: { ...t, expect: id } };
  };
  const services = await Promise.all(
    config.services.map(async (spec) => {
      if (!spec.rules.some((r) => r.test.kind === 'identity')) return spec;
      const rules = await Promise.all(spec.rules.map((r) => resolveRule(spec, r)));
      return { ...spec, rules } as ServiceSpec;
    }),
  );
  return { config: { ...config, services }, errors };
}
