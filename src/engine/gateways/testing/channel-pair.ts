import { EventEmitter } from 'node:events';
import { channelOver, type ChannelEndpoint, type GatewayChannel } from '../gateway-channel';

/**
 * Two connected channels in one process, for tests of what travels between gateways. Delivery is
 * asynchronous and ordered, as over IPC, and a message is copied (structured clone) on the way.
 */
export function channelPair(): [GatewayChannel, GatewayChannel] & { disconnect(): void } {
  const left = new EventEmitter();
  const right = new EventEmitter();
  const endpoint = (self: EventEmitter, other: EventEmitter): ChannelEndpoint => ({
    send: (message) => setImmediate(() => other.emit('message', structuredClone(message))),
    on: (event: string, listener: (message?: unknown) => void) => self.on(event, listener),
  });
  const pair = [channelOver(endpoint(left, right)), channelOver(endpoint(right, left))] as [
    GatewayChannel,
    GatewayChannel,
  ] & { disconnect(): void };
  pair.disconnect = () => {
    left.emit('disconnect');
    right.emit('disconnect');
  };
  return pair;
}
