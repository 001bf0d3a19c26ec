import type { AppUser } from '$lib/server/auth/types';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			user: AppUser | null;
			locale: Locale;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
