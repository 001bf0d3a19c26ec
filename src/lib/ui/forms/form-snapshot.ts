/**
 * What a person typed in a form, kept across back/forward navigation with
 * SvelteKit's `snapshot` (hidden inputs are state from the URL: left alone).
 */
export type FormValues = Record<string, string>;

const editable = (form: HTMLFormElement) =>
	[...form.elements].filter(
		(el): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
			(el instanceof HTMLInputElement && el.type !== 'hidden' && el.type !== 'submit') ||
			el instanceof HTMLTextAreaElement ||
			el instanceof HTMLSelectElement
	);

export function captureForm(form: HTMLFormElement | null): FormValues {
	if (!form) return {};
	const values: FormValues = {};
	for (const el of editable(form)) {
		if (!el.name) continue;
		if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
			if (el.checked) values[el.name] = el.value;
		} else {
			values[el.name] = el.value;
		}
	}
	return values;
}

export function restoreForm(form: HTMLFormElement | null, values: FormValues) {
	if (!form) return;
	for (const el of editable(form)) {
		const value = values[el.name];
		if (value === undefined) continue;
		if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
			el.checked = el.value === value;
		} else {
			el.value = value;
		}
	}
}
