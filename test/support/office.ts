/**
 * The office the review tests work in: a desk server's admin and the people of a checkpoint chain,
 * each logged in, and the collaboration clients opened as them (closed together at the end).
 */
import { ADMIN_PASSWORD, ApiClient, startDeskServer, type RunningServer } from './server';
import { connectClient, type CollabClient } from './collabClient';

/** The people of a chain: a writer and a collaborator, a reviewer, a signer and a clerk. */
const STAFF: ReadonlyArray<[username: string, displayName: string, roles: string[]]> = [
  ['writer', '王撰稿', ['writer']],
  ['colleague', '赵协作', ['writer']],
  ['reviewer', '李审核', ['reviewer']],
  ['signer', '张主任', ['signer']],
  ['clerk', '钱统计', ['clerk']],
];

export class TestOffice {
  private readonly people = new Map<string, { client: ApiClient; id: string }>();
  private readonly clients: CollabClient[] = [];

  constructor(private readonly server: RunningServer, readonly admin: ApiClient) {}

  /** Creates and logs in the people of a chain (writer, colleague, reviewer, signer, clerk). */
  async staff(): Promise<void> {
    for (const [username, displayName, roles] of STAFF) await this.person(username, displayName, roles);
  }

  /** Creates one user through the admin API and logs them in (password `<username>-pass`). */
  async person(username: string, displayName: string, roles: string[]): Promise<void> {
    const { user } = await this.admin.ok<{ user: { id: string } }>('POST', '/api/users', { username, password: `${username}-pass`, displayName, roles });
    this.people.set(username, { id: user.id, client: await new ApiClient(this.server.url).login(username, `${username}-pass`) });
  }

  /** The API client of `username` ('admin' for the admin). */
  as = (username: string): ApiClient => {
    if (username === 'admin') return this.admin;
    const found = this.people.get(username);
    if (!found) throw new Error(`no such person in the office: ${username}`);
    return found.client;
  };

  idOf = (username: string): string => {
    const found = this.people.get(username);
    if (!found) throw new Error(`no such person in the office: ${username}`);
    return found.id;
  };

  /** A collaboration client on the document `name`, as `username`. */
  connect = (name: string, username: string): CollabClient => {
    const client = connectClient(this.server.wsUrl, name, this.as(username).token);
    this.clients.push(client);
    return client;
  };

  /** Closes every collaboration client opened through `connect`. */
  close(): void {
    for (const client of this.clients.splice(0)) client.destroy();
  }
}

/** A fresh desk server with its admin logged in and the people of a chain created (see `staff`). */
export async function openOffice(): Promise<{ server: RunningServer; admin: ApiClient; office: TestOffice }> {
  const server = await startDeskServer();
  const admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  const office = new TestOffice(server, admin);
  await office.staff();
  return { server, admin, office };
}
