import type { SubmitFunction } from '@sveltejs/kit';
import { invalidateAll } from '$app/navigation';

/**
 * One form's submission in flight, so its button is disabled while the action runs (a double
 * tap must not send twice). `use:enhance={form.enhance({ reset: false })}`, `disabled={form.pending}`.
 */
export class PendingForm {
	pending = $state(false);

	enhance(options: { reset?: boolean; reloadOnFailure?: boolean } = {}): SubmitFunction {
		return () => {
			this.pending = true;
			return async ({ result, update }) => {
				try {
					await update({ reset: options.reset ?? true });
					// A refusal may mean the page's data is stale (balance, free slots): reload it.
					if (options.reloadOnFailure && result.type === 'failure') await invalidateAll();
				} finally {
					this.pending = false;
				}
			};
		};
	}
}
