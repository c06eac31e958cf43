# maps: int-keyed dict; 1,000,000 inserts then 1,000,000 lookups (a third of them hit), prints a checksum.
n = 1000000
m = {}
for i in range(n):
    m[i * 3] = i
hits = total = 0
for i in range(n):
    v = m.get(i)
    if v is not None:
        hits += 1
        total += v
print(len(m), hits, total)
