# methods: 5,000,000 method calls on a small object (value-style), then 5,000,000 mutating ones, prints a checksum.
class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, k):
        return self.x * k + self.y

    def step(self, k):
        self.x += k
        self.y ^= k


n = 5000000
v = Vec(3, 4)
total = 0
for i in range(n):
    total += v.dot(i & 7)
p = Vec(1, 2)
for i in range(n):
    p.step(i & 7)
print(total, p.x, p.y)
