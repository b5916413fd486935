/** Everyone's accounts, for owner filters and collaborator pickers. */
import { useEffect, useState } from 'react';
import type { User } from '../../../shared/api';
import { deskApi } from '../../api/desk';

export function useUsers(): User[] {
  const [users, setUsers] = useState<User[]>([]);
  useEffect(() => {
    let cancelled = false;
    deskApi.listUsers()
      .then(({ users: list }) => { if (!cancelled) setUsers(list); })
      .catch(() => undefined);
    return () => { cancelled = true; };
  }, []);
  return users;
}
