total = 0
for i in range(100000000):
    total += i ^ (i >> 3)
print(total)
