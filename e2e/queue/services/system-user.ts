import { readFile } from 'node:fs/promises';

export interface SystemUser {
	name: string;
	uid: number;
	gid: number;
}

/** A user from /etc/passwd (the Debian postgresql package makes `postgres`). */
export async function lookUpUser(name: string): Promise<SystemUser> {
	const passwd = await readFile('/etc/passwd', 'utf8');
	for (const line of passwd.split('\n')) {
		const [user, , uid, gid] = line.split(':');
		if (user === name && uid !== undefined && gid !== undefined)
			return { name, uid: Number(uid), gid: Number(gid) };
	}
	throw new Error(`No user ${name} in /etc/passwd`);
}

export function isRoot(): boolean {
	return process.getuid?.() === 0;
}
