/**
 * 部门 (departments) in the review workflow: a 会签 step may take its holders from departments
 * (`holdersFrom: 'departments'`) rather than from everyone holding its role. Each listed department
 * then needs at least one holder, and every holder must belong to a listed department.
 */

/** The longest department name (办公室, 财政局预算科 …): a short text, as the user page takes it. */
export const DEPARTMENT_MAX = 32;

/** The most departments one 会签 step may list. */
export const MAX_COUNTERSIGN_DEPARTMENTS = 20;

/** A person as the rule reads them: their name for the message and their department (absent: none). */
export interface DepartmentMember { displayName?: string; department?: string | null }

/**
 * Why the named holders do not do for a step drawing on `departments`, or null when they do: a holder
 * outside the listed departments is refused first (naming them), then the departments left without a
 * holder are named together. Departments compare as written (the admin types both sides).
 */
export function departmentCoverageProblem(departments: readonly string[], holders: readonly DepartmentMember[]): string | null {
  const listed = new Set(departments);
  const outside = holders.filter((h) => !h.department || !listed.has(h.department));
  if (outside.length > 0) {
    const names = outside.map((h) => (h.displayName ? `“${h.displayName}”` : '')).join('、');
    return `会签人${names}不属于会签部门（${departments.join('、')}）`;
  }
  const covered = new Set(holders.map((h) => h.department));
  const missing = departments.filter((d) => !covered.has(d));
  if (missing.length === 0) return null;
  return `会签部门${missing.map((d) => `“${d}”`).join('、')}尚未选择会签人：每个会签部门至少选择一位`;
}
