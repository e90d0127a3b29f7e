import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Lint for the code that never ships: the development tools, tests, the end-to-end suites and
// the scripts (`eslint -c eslint.dev.config.mjs dev test e2e scripts`). The shipped nodes and
// credentials keep the community-node rules of eslint.config.mjs. Type-aware rules stay off: these
// folders span three tsconfigs, and the type checks run in ts-jest and `tsc`.
export default tseslint.config(
	{ ignores: ['**/node_modules/**', '**/dist/**', '.tools/**'] },
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
	},
	{
		files: ['**/*.js', '**/*.cjs'],
		extends: [js.configs.recommended],
		languageOptions: { sourceType: 'commonjs', globals: globals.node },
	},
	{
		files: ['**/*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: { sourceType: 'module', globals: globals.node },
	},
);
