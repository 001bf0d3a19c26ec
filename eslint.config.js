import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// The app is served at the root (no paths.base), so root-relative
			// hrefs are already resolved; wrapping every link adds noise only.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// API responses in tests are loosely typed JSON by nature.
		files: ['tests/**/*.ts', 'supabase/tests/**/*.ts', 'bench/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// dependency-cruiser (npm run lint:boundaries) enforces the layering but does not see
		// type-only imports inside .svelte files, nor inline import('…') types anywhere: these two
		// rules close both gaps.
		files: ['src/**/*.svelte'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '(^\\$lib/server/|\\.server(\\.ts|\\.js)?$)',
							message: 'Components reach the browser: import server-only code from +page.server.ts.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		rules: {
			'@typescript-eslint/consistent-type-imports': [
				'error',
				{ disallowTypeAnnotations: true, fixStyle: 'inline-type-imports' }
			]
		}
	},
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit-*/',
			'.svelte-kit/',
			'.data/',
			'node_modules/',
			'src/lib/core/database.types.ts',
			'test-results/',
			'.vercel/'
		]
	}
);
