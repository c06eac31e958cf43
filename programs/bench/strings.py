# strings: 10 rounds of building a 600 KB string of 100,000 words with str.join and splitting it
# (split); prints the totals.
words = ["alpha", "bravo", "delta", "hotel", "india", "oscar", "romeo", "tango"]
size = parts = deltas = 0
for round in range(10):
    buf = []
    for i in range(100000):
        buf.append(words[(i + round) % len(words)])
        buf.append(" ")
    s = "".join(buf)
    size += len(s)
    parts += len(s.split(" "))
    for w in s.split():
        if w == "delta":
            deltas += 1
print(size, parts, deltas)
