// The subset of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	export interface AutocannonRequest {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string;
		setupRequest?: (
			request: AutocannonRequest,
			context: Record<string, unknown>
		) => AutocannonRequest | undefined;
	}

	export interface AutocannonOptions {
		url: string;
		connections?: number;
		duration?: number;
		timeout?: number;
		method?: string;
		headers?: Record<string, string>;
		body?: string;
		requests?: AutocannonRequest[];
	}

	export interface AutocannonResult {
		duration: number;
		errors: number;
		timeouts: number;
		requests: { average: number; total: number };
		statusCodeStats: Record<string, { count: number }>;
	}

	export interface AutocannonInstance extends EventEmitter, PromiseLike<AutocannonResult> {
		stop(): void;
	}

	export default function autocannon(options: AutocannonOptions): AutocannonInstance;
}
