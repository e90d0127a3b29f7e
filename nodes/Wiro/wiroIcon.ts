import type { INodeTypeDescription } from 'n8n-workflow';

/** Wiro's mark: each node folder ships the same two files beside its node. */
export const WIRO_ICON: INodeTypeDescription['icon'] = {
	light: 'file:wiro.svg',
	dark: 'file:wiro.dark.svg',
};
