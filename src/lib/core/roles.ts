import type { UserRole } from './enums';

export { USER_ROLES, type UserRole } from './enums';

export const isStaff = (role: UserRole) => role === 'assistant' || role === 'admin';

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<UserRole, string> = {
	student: '/student',
	parent: '/parent',
	coach: '/coach',
	assistant: '/assistant',
	admin: '/assistant'
};
