export interface WiroProject {
	apiKey: string;
	apiSecret?: string;
	mode: 'signature' | 'apiKey';
	/** Active tasks allowed at once; undefined = unlimited. */
	concurrencyLimit?: number;
}

export interface WiroFaults {
	detail5xxRate?: number;
	detailResetRate?: number;
	slowRate?: number;
	slowMs?: number;
	seed?: number;
}

export type CallbackShape = 'detail' | 'task';

/** Which published revision of Wiro's WebSocket page the socket speaks (docs/wiro-api.md). */
export type SocketRevision = 'tasktoken' | 'connected';

/** Fault switches of the task socket. */
export interface SocketFaults {
	/** Answer the upgrade with 403. */
	refuse?: boolean;
	/** Close every connection this long after it opened. */
	dropAfterMs?: number;
	/** Accept and register, then send nothing. */
	silent?: boolean;
	/** Send frames that are not JSON instead of the messages. */
	garbage?: boolean;
	/** Send nothing after task_end (as Wiro's own code sample stops there). */
	stopAtTaskEnd?: boolean;
	/** Send every message this much later. */
	delayMs?: number;
}

export interface WiroServerOptions {
	port?: number;
	projects?: WiroProject[];
	taskDurationMs?: number;
	outputSize?: number;
	/** A real video served as every task's output (unless the prompt sets #size): the demo's playable file. */
	sampleVideo?: Buffer;
	callbackShape?: CallbackShape;
	callbackRepeats?: number;
	/** Further attempts after a callback delivery that failed (no answer or not 2xx); default 3, as Wiro. */
	callbackRetries?: number;
	/** Wait before each retry; default 1000 ms. */
	callbackRetryDelayMs?: number;
	/** Whether Task/Detail and callbacks show the task's `callbackurl` (default true; Wiro's docs do not list the field). */
	callbackUrlInDetail?: boolean;
	faults?: WiroFaults;
	socketRevision?: SocketRevision;
	socketFaults?: SocketFaults;
	log?: boolean;
}

export interface ResolvedOptions {
	port: number;
	projects: WiroProject[];
	taskDurationMs: number;
	outputSize: number;
	sampleVideo?: Buffer;
	callbackShape: CallbackShape;
	callbackRepeats: number;
	callbackUrlInDetail: boolean;
	callbackRetries: number;
	callbackRetryDelayMs: number;
	faults: WiroFaults;
	socketRevision: SocketRevision;
	socketFaults: SocketFaults;
	log: boolean;
}

export interface UploadedFile {
	filename: string;
	contentType: string;
	size: number;
	data: Buffer;
}

export type FileDescriptor = Omit<UploadedFile, 'data'>;

export interface RecordedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: Record<string, unknown> | string;
	time: number;
}

export interface WiroStats {
	run: number;
	detail: number;
	cancel: number;
	kill: number;
	deleteFiles: number;
	tasksCreated: number;
	peakActive: number;
	rejected96: number;
	faultsInjected: number;
	/** Callback deliveries answered 2xx. */
	callbacksSent: number;
	/** Callback attempts that failed (each retry that fails counts again). */
	callbackFailures: number;
	/** Task socket: connections accepted, upgrades refused, task_info registrations of a known task. */
	socketConnections: number;
	socketRefused: number;
	socketRegistrations: number;
}

export interface TaskOutput {
	id: string;
	name: string;
	contenttype: string;
	parentid: string;
	uuid: string;
	size: string;
	addedtime: string;
	modifiedtime: string;
	accesskey: string;
	foldercount: string;
	filecount: string;
	url: string;
}

/** An LLM's answer in `outputs` (Wiro's LLM docs): no file, no URL. */
export interface AnswerOutput {
	contenttype: 'raw';
	/** No file: nothing to download. */
	url?: undefined;
	name?: undefined;
	size?: undefined;
	content: { prompt: string; raw: string; thinking: string[]; answer: string[] };
}

/** A task as Task/Detail answers it: every scalar is a string. */
export interface Task {
	id: string;
	uuid: string;
	name: string;
	socketaccesstoken: string;
	parameters: Record<string, unknown>;
	debugoutput: string;
	debugerror: string;
	starttime: string;
	endtime: string;
	elapsedseconds: string;
	status: string;
	cps: string;
	totalcost: string;
	projectid: string;
	modelid: string;
	description: string;
	basemodelid: string;
	runtype: string;
	modelfolderid: string;
	modelfileid: string;
	callbackurl?: string;
	createtime: string;
	canceltime: string;
	assigntime: string;
	accepttime: string;
	preprocessstarttime: string;
	preprocessendtime: string;
	postprocessstarttime: string;
	postprocessendtime: string;
	pexit: string;
	categories: string;
	modelslugowner: string;
	modelslugproject: string;
	outputs: Array<TaskOutput | AnswerOutput>;
	size: string;
}

export type TaskOutcome = 'success' | 'failure' | 'cancel';
