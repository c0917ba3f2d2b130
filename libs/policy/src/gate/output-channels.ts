import { OutputPurpose } from './output-gate';

/**
 * Every way output leaves the system, each passing records through the gate (`present`). A new
 * output path registers here; a test walks the list and proves each one goes through the gate, and
 * `docs/architecture.md` lists them.
 */
export interface OutputChannel {
  readonly name: string;
  readonly purpose: OutputPurpose;
  /** Where the channel hands records to the gate, for readers of the architecture page. */
  readonly where: string;
}

const channels = new Map<string, OutputChannel>();

export function registerOutputChannel(channel: OutputChannel): void {
  const known = channels.get(channel.name);
  if (known && known.where !== channel.where) throw new Error(`two output channels are named ${channel.name}`);
  channels.set(channel.name, channel);
}

export function outputChannels(): OutputChannel[] {
  return [...channels.values()].sort((a, b) => a.name.localeCompare(b.name));
}
