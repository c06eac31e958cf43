# closures: 5,000,000 calls of a closure that captures and updates a variable, prints the result.
def counter():
    n = 0

    def add(d):
        nonlocal n
        n += d
        return n

    return add


f = counter()
r = 0
for i in range(5000000):
    r = f(i & 3)
print(r)
