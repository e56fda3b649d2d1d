export { createNetworkStat, type NetworkStatOptions } from './sysfs-net.ts';
