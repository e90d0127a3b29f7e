import { getModelParameters } from './getModelParameters';
import { searchModels } from './searchModels';

/** The node's editor methods: the Other Model list and its parameters. */
export const methods = {
	listSearch: { searchModels },
	resourceMapping: { getModelParameters },
};
