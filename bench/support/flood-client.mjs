// One hostile client of `npm run bench -- abuse`, in its own process so that its sending does not delay the bench's
// health probes: POSTs a JSON body of MB megabytes to URL in a loop for SECONDS, then prints {status: count} as JSON.
// Usage: node flood-client.mjs URL MB SECONDS
const [url, mb, seconds] = process.argv.slice(2);
const body = Buffer.alloc(Number(mb) * 1024 * 1024, '0,');
body[0] = 0x5b; // [
body[body.length - 2] = 0x30; // 0
body[body.length - 1] = 0x5d; // ]
const until = Date.now() + Number(seconds) * 1000;
const seen = {};
while (Date.now() < until) {
  const status = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } })
    .then(async (r) => { await r.arrayBuffer(); return String(r.status); }).catch(() => 'error');
  seen[status] = (seen[status] ?? 0) + 1;
}
process.stdout.write(JSON.stringify(seen));
