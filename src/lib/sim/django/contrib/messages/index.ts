/** `django.contrib.messages`: one-time notes from one page to the next ("The post was changed"). */
export {
	add_message,
	attachStorage,
	debug,
	error,
	get_messages,
	info,
	MessageFailure,
	storageOf,
	success,
	warning
} from './api';
export { BaseStorage } from './base-storage';
export { CookieStorage, NOT_FINISHED } from './cookie-storage';
export { FallbackStorage } from './fallback-storage';
export { DEBUG, ERROR, INFO, LEVEL_TAGS, Message, SUCCESS, WARNING } from './message';
export { SESSION_KEY, SessionStorage } from './session-storage';
