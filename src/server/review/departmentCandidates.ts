import type { User } from '../../shared/api';
import type { WorkflowStatus } from '../../shared/review';
import { byDepartments, type Checkpoint } from '../../core/domain/workflow';

/**
 * Who may be named to hold `checkpoint`: active users holding its role who did not write the piece,
 * and, for a 会签 step drawing on departments, only those in its departments (grouped in the order the
 * chain lists them). Each comes with their 部门, shown beside the name where holders are chosen.
 */
export function nextCandidates(checkpoint: Checkpoint, users: readonly User[], authors: ReadonlySet<string>): WorkflowStatus['candidates'] {
  const eligible = users.filter((u) => !u.disabled && u.roles.includes(checkpoint.role) && !authors.has(u.id));
  const chosen = byDepartments(checkpoint)
    ? (checkpoint.departments ?? []).flatMap((d) => eligible.filter((u) => u.department === d))
    : eligible;
  return chosen.map((u) => ({ id: u.id, displayName: u.displayName, ...(u.department && { department: u.department }) }));
}
