# defers: 2,000,000 calls with try/except/finally; every 1000th call raises an exception that is caught. Prints counts and a checksum.
recovered = deferred = 0


def work(i):
    global recovered, deferred
    try:
        if i % 1000 == 0:
            raise RuntimeError("boom")
        return i & 7
    except RuntimeError:
        recovered += 1
        return -1
    finally:
        deferred += 1


total = 0
for i in range(2000000):
    total += work(i)
print(recovered, deferred, total)
