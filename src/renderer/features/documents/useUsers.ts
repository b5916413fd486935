/** Everyone's accounts, for owner filters and collaborator pickers. */
import type { User } from '../../../shared/api';
import { deskApi } from '../../api/desk';
import { useLoad, type Loaded } from '../../ui/useLoad';

const NO_USERS: User[] = [];

/** The accounts (empty until they arrive) and the failure to load them, for the picker to show. */
export function useUsers(): { users: User[]; error: Loaded<User[]>['error'] } {
  const loaded = useLoad(async () => (await deskApi.listUsers()).users, []);
  return { users: loaded.data ?? NO_USERS, error: loaded.error };
}
