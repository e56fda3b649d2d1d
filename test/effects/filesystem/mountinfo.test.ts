import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mountHolding, mountOfSource, parseMountinfo } from '../../../src/effects/filesystem/mountinfo.ts';

// Shaped like a real /proc/self/mountinfo: optional fields, an escaped space, a mount stacked on another.
const FIXTURE = `27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
28 27 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
40 27 8:17 / /data rw,noatime shared:30 - xfs /dev/sdb1 rw,attr2,inode64
41 40 0:50 / /data/my\\040files rw,relatime - tmpfs tmpfs rw,size=1024k
42 27 0:51 / /mnt/nfs rw,relatime - nfs4 server:/export rw,vers=4.2
43 27 8:33 / /data ro,relatime shared:31 - ext4 /dev/sdc1 ro
garbage line
`;

const entries = parseMountinfo(FIXTURE);

describe('parseMountinfo', () => {
  test('reads every well-formed line, skipping optional fields and garbage', () => {
    assert.equal(entries.length, 6);
    assert.deepEqual(entries[0], { device: '8:1', mountPoint: '/', options: 'rw,relatime', fsType: 'ext4', source: '/dev/sda1', superOptions: 'rw,errors=remount-ro' });
    assert.equal(entries[3]!.mountPoint, '/data/my files', 'octal escapes are decoded');
  });
});

describe('mountHolding', () => {
  const rows: Array<[string, string, string]> = [
    ['/', '/', '/dev/sda1'],
    ['/etc/passwd', '/', '/dev/sda1'],
    ['/sys/class/net', '/sys', 'sysfs'],
    ['/data', '/data', '/dev/sdc1'],
    ['/data/x/y', '/data', '/dev/sdc1'],
    ['/database', '/', '/dev/sda1'],
    ['/data/my files/a', '/data/my files', 'tmpfs'],
  ];
  for (const [path, mountPoint, source] of rows) {
    test(`${path} is on ${mountPoint} (${source})`, () => {
      const m = mountHolding(entries, path);
      assert.equal(m?.mountPoint, mountPoint);
      assert.equal(m?.source, source, 'the last mount on a point hides the earlier ones');
    });
  }
});

describe('mountOfSource', () => {
  test('by device path, by major:minor, by an nfs source; nothing for an unmounted device', () => {
    assert.equal(mountOfSource(entries, '/dev/sdb1')?.mountPoint, '/data');
    assert.equal(mountOfSource(entries, '/dev/disk/by-uuid/x', '8:1')?.mountPoint, '/');
    assert.equal(mountOfSource(entries, 'server:/export')?.fsType, 'nfs4');
    assert.equal(mountOfSource(entries, '/dev/sdz9'), undefined);
  });
});
