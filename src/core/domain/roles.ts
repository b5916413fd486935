/** Roles a user may hold (several at once), with the names on the screen. */
export const ROLES = ['writer', 'reviewer', 'signer', 'clerk', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  writer: '撰稿人',
  reviewer: '审核人',
  signer: '签发人',
  clerk: '统计员',
  admin: '管理员',
};

export function isRole(value: unknown): value is Role {
  return ROLES.some((role) => role === value);
}
