-- sieve: table indexing and tight loops; sieve of Eratosthenes up to 5,000,000, prints the prime count.
local n = 5000000
local composite = {}
for i = 0, n do composite[i] = false end
local count = 0
for i = 2, n do
  if not composite[i] then
    count = count + 1
    for j = i * i, n, i do
      composite[j] = true
    end
  end
end
print(count)
