// Words monit's lexer reads as keywords. monit refuses one where it expects a string (monit.md 1.2,
// `allow admin:secret`); tsmonit accepts it and warns, since the file would not work with monit.
import { PROTOCOLS } from '../rules/protocols.ts';

const WORDS = `
action address alert allow apache-status append atime bytein byteout cert certificate changed check checksum
children ciphers cleartext clientpemfile connection content count cpu crypt ctime cycle cycles daemon data day
days delay depends device directory disable download enable euid every exec exist expect expectbuffer failed
fifo file filedescriptors filesystem fips free fsflags gid group hardlink host hostheader hostname hour hours
httpd icmp idfile if ignore include init inode instance interface invalid ipv4 ipv6 laststate limits link
loadavg log logfile mail-format mailserver manual match matching md5 memory message method minute minutes mmonit
mode month months mtime noalert nonexist nostart not onreboot packet packets passive password path pemchain
pemfile pemkey permission pid pidfile ping port ppid process program protocol read read-only readonly register
reminder request resource responsetime restart restarts retry saturation second seconds secret security
selfsigned send set sha1 signature size slots space ssl start statefile status stop subject succeeded swap
system terminal then threads timeout timestamp tls total totalcpu totalmemory type uid unixsocket unmonitor
upload uptime url username verify version wait write
`;

const KEYWORDS: ReadonlySet<string> = new Set([...WORDS.trim().split(/\s+/), ...PROTOCOLS]);

export function isMonitKeyword(word: string): boolean {
  return KEYWORDS.has(word.toLowerCase());
}
