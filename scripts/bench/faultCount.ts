import { FaultPlan } from '../../dev/wiro-server/faults';
import type { WiroFaults } from '../../dev/wiro-server';

export interface FaultCount {
	reset: number;
	error5xx: number;
	slow: number;
}

/**
 * The server draws its faults from a seeded plan, one decision per Task/Detail request, so
 * replaying the plan for the number of Detail requests it received tells which faults it injected.
 */
export function countFaults(faults: WiroFaults, detailRequests: number): FaultCount {
	const plan = new FaultPlan(faults);
	const count: FaultCount = { reset: 0, error5xx: 0, slow: 0 };
	for (let request = 0; request < detailRequests; request++) {
		const decision = plan.next();
		if (decision.kind !== 'none') count[decision.kind]++;
	}
	return count;
}

export const describeFaults = (count: FaultCount): string =>
	`${count.error5xx} × 5xx, ${count.reset} resets, ${count.slow} slow`;
