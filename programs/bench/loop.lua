local sum = 0
for i = 0, 100000000 - 1 do
  sum = sum + (i ~ (i >> 3))
end
print(sum)
