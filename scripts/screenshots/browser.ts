/**
 * Headless Debian Chromium driven by playwright-core, loaded at run time so that the tools build
 * does not depend on it. Only the few calls the screenshot script makes are typed here.
 */
export interface Locator {
	first(): Locator;
	click(options?: {
		timeout?: number;
		button?: 'left' | 'right';
		clickCount?: number;
	}): Promise<void>;
	dblclick(options?: { timeout?: number }): Promise<void>;
	waitFor(options?: { state?: 'attached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
	count(): Promise<number>;
	isVisible(): Promise<boolean>;
}

export interface Page {
	goto(
		url: string,
		options?: { waitUntil?: 'load' | 'networkidle' | 'domcontentloaded'; timeout?: number },
	): Promise<unknown>;
	locator(selector: string): Locator;
	getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
	getByRole(role: string, options?: { name?: string | RegExp }): Locator;
	keyboard: { press(key: string): Promise<void> };
	waitForTimeout(ms: number): Promise<void>;
	screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
	url(): string;
	setViewportSize(size: { width: number; height: number }): Promise<void>;
}

interface Context {
	addCookies(cookies: Array<{ name: string; value: string; url: string }>): Promise<void>;
	newPage(): Promise<Page>;
}

export interface Browser {
	newContext(options: {
		viewport: { width: number; height: number };
		deviceScaleFactor?: number;
		colorScheme?: 'light' | 'dark';
	}): Promise<Context>;
	close(): Promise<void>;
}

interface Chromium {
	launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser>;
}

/** The flags this machine needs: no sandbox as root, and no calls to Google's services (the network is closed). */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

function loadChromium(): Chromium {
	let loaded: unknown;
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = require('playwright-core');
	} catch {
		throw new Error(
			'playwright-core is not installed: run `npm i --no-save playwright-core` (and `apt-get install -y chromium`)',
		);
	}
	const chromium =
		typeof loaded === 'object' && loaded !== null && 'chromium' in loaded
			? loaded.chromium
			: undefined;
	if (typeof chromium !== 'object' || chromium === null)
		throw new Error('playwright-core has no chromium export');
	return chromium as Chromium;
}

export async function launchChromium(): Promise<Browser> {
	const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
	try {
		return await loadChromium().launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
	} catch (error) {
		throw new Error(
			`Could not start ${executablePath} (install Debian's chromium: apt-get install -y chromium, or set CHROMIUM_PATH): ${error instanceof Error ? error.message : String(error)}`,
		);
	}
}
