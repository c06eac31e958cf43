package main

// main must be a func in package main.
var main = 1
