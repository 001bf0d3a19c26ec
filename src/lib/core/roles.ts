export const USER_ROLES = ['student', 'parent', 'coach', 'assistant', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const isStaff = (role: UserRole) => role === 'assistant' || role === 'admin';

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<UserRole, string> = {
	student: '/student',
	parent: '/parent',
	coach: '/coach',
	assistant: '/assistant',
	admin: '/assistant'
};
