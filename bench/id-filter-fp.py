# False-positive rate of the id registry's per-run Bloom filters (src/Ledger/State/IdFilter.cs) on a real data
# directory: re-implements NameHash.Of(RatedCdr, id) and IdFilter.MayContain over the run-*.bits files and asks N ids
# that were never charged. Usage: python3 bench/id-filter-fp.py DATA/ledger/ids 100000
import struct, glob, sys
M = (1 << 64) - 1
def rotl(x, r): return ((x << r) | (x >> (64 - r))) & M
def h(domain, name, seed):
    x = seed ^ (len(name) << 8) ^ domain
    n = len(name) // 8
    for i in range(n):
        w = struct.unpack_from('<Q', name, i * 8)[0]
        x = (rotl(x ^ ((w * 0x87C37B91114253D5) & M), 31) * 0x4CF5AD432745937F) & M
    tail = 0
    for i, b in enumerate(name[n * 8:]):
        tail |= b << (8 * i)
    x = (rotl(x ^ ((tail * 0x87C37B91114253D5) & M), 31) * 0x4CF5AD432745937F) & M
    x ^= x >> 33; x = (x * 0xFF51AFD7ED558CCD) & M
    x ^= x >> 33; x = (x * 0xC4CEB9FE1A85EC53) & M
    return x ^ (x >> 33)
filters = []
for f in sorted(glob.glob(sys.argv[1] + '/run-*.bits')):
    data = open(f, 'rb').read()
    count, length = struct.unpack_from('<qq', data, 0)
    words = struct.unpack_from(f"<{length}Q", data, 16)
    filters.append((f.split('/')[-1], count, length // 8, words))
N = int(sys.argv[2])
hits = [0] * len(filters); anyhit = 0
for k in range(N):
    name = f'zz-{k:09d}'.encode()
    low = h(1, name, 0x9E3779B97F4A7C15) | 1
    high = h(1, name, 0xD6E8FEB86659FD93)
    a = False
    for j, (fn, count, blocks, words) in enumerate(filters):
        block = (((high >> 32) * blocks) >> 32) * 8
        ok = True
        for i in range(8):
            bit = ((low >> (i * 9)) & 511) if i < 7 else ((high >> 7) & 511)
            if not (int(words[block + (bit >> 6)]) >> (bit & 63)) & 1:
                ok = False; break
        if ok: hits[j] += 1; a = True
    anyhit += a
for (fn, count, blocks, _), hcount in zip(filters, hits):
    print(f'{fn}: {count:,} ids, {blocks * 512 / max(count,1):.1f} bits/id, false positives {100 * hcount / N:.3f} %')
print(f'any run says maybe: {100 * anyhit / N:.3f} % of {N:,} new ids')
