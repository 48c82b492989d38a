import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** A repository has exactly one Project. */
export const projectCount: Rule = {
  name: 'project-count',
  check({ root, projects, brokenKinds }) {
    if (projects.length === 0 && !brokenKinds.has('Project')) {
      return [
        {
          file: root,
          line: 0,
          col: 0,
          message: 'no Project spec found: add one (kind: Project) with the CloudTrail source and targets',
          rule: this.name,
          severity: 'error',
        },
      ];
    }
    const [first, ...others] = projects;
    if (!first) return [];
    return others.map((p) =>
      findingAt(p, ['kind'], this.name, `a second Project ('${p.spec.id}'); the repository has one, '${first.spec.id}' in ${first.file}`),
    );
  },
};
