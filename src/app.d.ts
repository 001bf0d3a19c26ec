import type { AppUser } from '$lib/server/auth/types';
import type { Locale } from '$lib/i18n';
import type { BookingPolicy } from '$lib/core/policy';

declare global {
	namespace App {
		interface Locals {
			user: AppUser | null;
			locale: Locale;
		}
		/** The root layout loads the booking policy for every page (src/routes/+layout.server.ts). */
		interface PageData {
			policy: BookingPolicy;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
