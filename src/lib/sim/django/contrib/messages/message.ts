/**
 * `django.contrib.messages`' levels (constants.py) and `Message` (storage/base.py): a level, the
 * text (a SafeString when it holds trusted HTML, such as the admin's link to the object) and
 * extra tags; `tags` is what a template puts in the `class` attribute.
 */
import { SafeString } from '../../template/safe';

export const DEBUG = 10;
export const INFO = 20;
export const SUCCESS = 25;
export const WARNING = 30;
export const ERROR = 40;

/** `DEFAULT_TAGS`, as `settings.MESSAGE_TAGS` would extend it. */
export const LEVEL_TAGS: Readonly<Record<number, string>> = {
	[DEBUG]: 'debug',
	[INFO]: 'info',
	[SUCCESS]: 'success',
	[WARNING]: 'warning',
	[ERROR]: 'error'
};

export type MessageText = string | SafeString;

export class Message {
	readonly level: number;

	constructor(
		level: number,
		public message: MessageText,
		public extra_tags: string | null = null
	) {
		this.level = Math.trunc(level);
	}

	/** `_prepare()`: text for storing (lazy translations would become text here). */
	_prepare(): void {
		if (this.extra_tags !== null) this.extra_tags = String(this.extra_tags);
	}

	get level_tag(): string {
		return LEVEL_TAGS[this.level] ?? '';
	}

	get tags(): string {
		return [this.extra_tags, this.level_tag].filter(Boolean).join(' ');
	}

	/** `str(message)`: the text, still safe if it was. */
	__str__(): MessageText {
		return this.message;
	}

	toString(): string {
		return String(this.message);
	}

	equals(other: Message): boolean {
		return this.level === other.level && String(this.message) === String(other.message);
	}
}
