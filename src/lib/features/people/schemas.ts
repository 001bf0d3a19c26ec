import { z } from 'zod';

export const EmailSchema = z.string().trim().toLowerCase().email().max(254);
export const PasswordSchema = z.string().min(10).max(200);
const Name = z.string().trim().min(1).max(80);

export const SignInSchema = z.object({
	email: EmailSchema,
	password: z.string().min(1).max(200)
});

export const ParentSignUpSchema = z.object({
	email: EmailSchema,
	password: PasswordSchema,
	firstName: Name,
	lastName: Name,
	phone: z
		.string()
		.trim()
		.regex(/^\+?[0-9 .()-]{6,20}$/)
		.optional()
		.or(z.literal('').transform(() => undefined)),
	locale: z.enum(['fr', 'en']).default('fr')
});

export const ChildAccountSchema = z.object({
	email: EmailSchema,
	password: PasswordSchema,
	firstName: Name,
	lastName: Name
});
