import { Wiro } from '../../../nodes/Wiro/Wiro.node';
import type { Row } from '../table';

/** Whether the Generate node offers a callback wait mode yet (the lead is building it). */
export function hasCallbackWaitMode(): boolean {
	const waitMode = new Wiro().description.properties.find((property) => property.name === 'waitMode');
	return (waitMode?.options ?? []).some((option) => 'value' in option && option.value === 'callback');
}

export function callbackRows(): Row[] {
	const state = hasCallbackWaitMode() ? 'callback mode exists; measurement to add' : 'callback mode not built yet';
	return [
		{
			section: '3',
			measure: 'Callback waiting: Detail calls before the callback; delay after it',
			measured: `pending: ${state}`,
			comparedWith: 'polling (section 2)',
			target: '0 Detail calls before the callback',
			verdict: 'pending',
		},
	];
}
